package org.wasserflow.nn;

import java.util.Locale;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * An optimiser and its hyper-parameters, read from {@code <prefix>.optimizer}, {@code <prefix>.lr},
 * {@code <prefix>.beta1}, {@code <prefix>.beta2} (see {@link Keys}).
 *
 * @param kind {@code adam} (Kingma &amp; Ba 2015) or {@code sgd} (plain gradient descent, no momentum; the
 *     betas are ignored)
 * @param learningRate step size, positive
 * @param beta1 Adam's first-moment decay in [0, 1)
 * @param beta2 Adam's second-moment decay in [0, 1)
 * @param epsilon Adam's denominator guard, positive
 * @param halfLife Adam's steps over which the learning rate halves, {@code lr 0.5^(t / halfLife)} at step t (from 0);
 *     0 keeps it constant
 */
public record OptimizerConfig(Kind kind, double learningRate, double beta1, double beta2, double epsilon, int halfLife) {

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
        ConfigException.require(halfLife >= 0, "lr_half_life", halfLife, "an integer >= 0");
        ConfigException.require(halfLife == 0 || kind == Kind.ADAM, "lr_half_life", halfLife, "0 with optimizer sgd (a decaying rate needs adam)");
    }

    /** A constant learning rate. */
    public OptimizerConfig(Kind kind, double learningRate, double beta1, double beta2, double epsilon) {
        this(kind, learningRate, beta1, beta2, epsilon, 0);
    }

    /** The learning rate at step {@code t} (from 0): {@code learningRate 0.5^(t / halfLife)}, or constant. */
    public double learningRateAt(long t) {
        return halfLife == 0 ? learningRate : learningRate * Math.pow(0.5, (double) t / halfLife);
    }

    /**
     * The optimiser settings under one prefix, declared once here for every network that trains:
     * {@code <prefix>.optimizer} (adam or sgd), {@code .lr}, {@code .beta1}, {@code .beta2}, {@code .lr_half_life}.
     *
     * @param optimizer the optimiser's name
     * @param lr the learning rate
     * @param beta1 Adam's first-moment decay
     * @param beta2 Adam's second-moment decay
     * @param halfLife the steps over which Adam's learning rate halves, 0 for a constant one
     */
    public record Keys(Setting<String> optimizer, Setting<Double> lr, Setting<Double> beta1, Setting<Double> beta2,
            Setting<Integer> halfLife) {

        /** The settings as a group under {@code prefix}. */
        public SettingGroup group(String prefix, String title) {
            return SettingGroup.of(prefix, title, optimizer, lr, beta1, beta2, halfLife);
        }

        /** Reads the optimiser. */
        public OptimizerConfig read(Settings s) {
            return read(s, s.get(lr));
        }

        /** Reads the optimiser with the learning rate {@code learningRate} in place of {@link #lr}'s value (one derived from it). */
        public OptimizerConfig read(Settings s, double learningRate) {
            return new OptimizerConfig(Kind.valueOf(s.get(optimizer).toUpperCase(Locale.ROOT)), learningRate, s.get(beta1),
                    s.get(beta2), 1e-8, s.get(halfLife));
        }

        /** These keys with {@code rate} as the learning-rate setting (e.g. one whose default is derived at run time). */
        public Keys withLr(Setting<Double> rate) {
            return new Keys(optimizer, rate, beta1, beta2, halfLife);
        }
    }

    /** The optimiser settings of the network trained under {@code prefix}, with its defaults (Adam). */
    public static Keys keys(String prefix, double lr, double beta1, double beta2) {
        return new Keys(Setting.choice(prefix + ".optimizer", "adam", "adam", "sgd")
                        .describe("optimiser: adam (Kingma & Ba 2015) or sgd (plain gradient descent; the betas are ignored)"),
                Setting.number(prefix + ".lr", lr).positive().describe("learning rate"),
                Setting.number(prefix + ".beta1", beta1).between(0, 1, false, true).describe("Adam's first-moment decay"),
                Setting.number(prefix + ".beta2", beta2).between(0, 1, false, true).describe("Adam's second-moment decay"),
                Setting.integer(prefix + ".lr_half_life", 0).atLeast(0).describe("Adam's steps over which the learning rate "
                        + "halves (lr 0.5^(step / half life)), to settle a network whose weights still swing at the end; "
                        + "0 keeps it constant. The generator takes flow.K steps per iteration"));
    }

    /** This optimiser with the step size {@code rate}. */
    public OptimizerConfig withLearningRate(double rate) {
        return new OptimizerConfig(kind, rate, beta1, beta2, epsilon, halfLife);
    }

    /** Adam with the given hyper-parameters. */
    public static OptimizerConfig adam(double lr, double beta1, double beta2) {
        return new OptimizerConfig(Kind.ADAM, lr, beta1, beta2, 1e-8);
    }

    /** Plain gradient descent. */
    public static OptimizerConfig sgd(double lr) {
        return new OptimizerConfig(Kind.SGD, lr, 0, 0, 1e-8);
    }

    /** A new optimiser over {@code params}, with fresh state. */
    public Optimizer create(Parameters params) {
        return switch (kind) {
            case ADAM -> new Adam(params, this);
            case SGD -> new Sgd(params, learningRate);
        };
    }
}
