package org.wasserflow.nn;

import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * Adam's hyper-parameters, read from {@code <prefix>.lr}, {@code <prefix>.beta1}, {@code <prefix>.beta2}.
 *
 * @param learningRate step size, positive
 * @param beta1 first-moment decay in [0, 1)
 * @param beta2 second-moment decay in [0, 1)
 * @param epsilon denominator guard, positive
 */
public record AdamConfig(double learningRate, double beta1, double beta2, double epsilon) {

    public AdamConfig {
        ConfigException.require(learningRate > 0, "lr", learningRate, "a number > 0");
        ConfigException.require(beta1 >= 0 && beta1 < 1, "beta1", beta1, "a number in [0, 1)");
        ConfigException.require(beta2 >= 0 && beta2 < 1, "beta2", beta2, "a number in [0, 1)");
        ConfigException.require(epsilon > 0, "epsilon", epsilon, "a number > 0");
    }

    /** Reads the keys under {@code prefix}, with the given defaults; errors name the full key. */
    public static AdamConfig from(Settings s, String prefix, double lr, double beta1, double beta2) {
        double a = s.getDouble(prefix + ".lr", lr);
        double b1 = s.getDouble(prefix + ".beta1", beta1);
        double b2 = s.getDouble(prefix + ".beta2", beta2);
        ConfigException.require(a > 0, prefix + ".lr", a, "a number > 0");
        ConfigException.require(b1 >= 0 && b1 < 1, prefix + ".beta1", b1, "a number in [0, 1)");
        ConfigException.require(b2 >= 0 && b2 < 1, prefix + ".beta2", b2, "a number in [0, 1)");
        return new AdamConfig(a, b1, b2, 1e-8);
    }
}
