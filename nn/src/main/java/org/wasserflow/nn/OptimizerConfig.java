package org.wasserflow.nn;

import java.util.List;
import java.util.Locale;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * An optimiser and its hyper-parameters, read from {@code <prefix>.optimizer}, {@code <prefix>.lr},
 * {@code <prefix>.beta1}, {@code <prefix>.beta2}.
 *
 * @param kind {@code adam} (Kingma &amp; Ba 2015) or {@code sgd} (plain gradient descent, no momentum; the
 *     betas are ignored)
 * @param learningRate step size, positive
 * @param beta1 Adam's first-moment decay in [0, 1)
 * @param beta2 Adam's second-moment decay in [0, 1)
 * @param epsilon Adam's denominator guard, positive
 */
public record OptimizerConfig(Kind kind, double learningRate, double beta1, double beta2, double epsilon) {

    /** The optimisers on offer. */
    public enum Kind {
        ADAM, SGD;

        /** The config spelling. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OptimizerConfig {
        ConfigException.require(learningRate > 0, "lr", learningRate, "a number > 0");
        ConfigException.require(beta1 >= 0 && beta1 < 1, "beta1", beta1, "a number in [0, 1)");
        ConfigException.require(beta2 >= 0 && beta2 < 1, "beta2", beta2, "a number in [0, 1)");
        ConfigException.require(epsilon > 0, "epsilon", epsilon, "a number > 0");
    }

    /** Adam with the given hyper-parameters. */
    public static OptimizerConfig adam(double lr, double beta1, double beta2) {
        return new OptimizerConfig(Kind.ADAM, lr, beta1, beta2, 1e-8);
    }

    /** Plain gradient descent. */
    public static OptimizerConfig sgd(double lr) {
        return new OptimizerConfig(Kind.SGD, lr, 0, 0, 1e-8);
    }

    /** Reads the keys under {@code prefix}, defaulting to Adam with the given values; errors name the full key. */
    public static OptimizerConfig from(Settings s, String prefix, double lr, double beta1, double beta2) {
        String kind = s.getChoice(prefix + ".optimizer", "adam", List.of("adam", "sgd"));
        double a = s.getDouble(prefix + ".lr", lr);
        double b1 = s.getDouble(prefix + ".beta1", beta1);
        double b2 = s.getDouble(prefix + ".beta2", beta2);
        ConfigException.require(a > 0, prefix + ".lr", a, "a number > 0");
        ConfigException.require(b1 >= 0 && b1 < 1, prefix + ".beta1", b1, "a number in [0, 1)");
        ConfigException.require(b2 >= 0 && b2 < 1, prefix + ".beta2", b2, "a number in [0, 1)");
        return new OptimizerConfig(Kind.valueOf(kind.toUpperCase(Locale.ROOT)), a, b1, b2, 1e-8);
    }

    /** A new optimiser over {@code params}, with fresh state. */
    public Optimizer create(Parameters params) {
        return switch (kind) {
            case ADAM -> new Adam(params, this);
            case SGD -> new Sgd(params, learningRate);
        };
    }
}
