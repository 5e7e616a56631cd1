package org.wasserflow.runners.config;

import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The forward-Euler flow of SPEC section 2, read from the {@code flow.*} keys.
 *
 * @param eps {@code flow.eps}: the step size in flow time, default 1
 * @param k {@code flow.K}: persistent generator steps on each batch of targets (K = 1 is W2GAN/WGAN),
 *     default 5
 * @param batch {@code flow.batch}: minibatch size m, default 512
 */
public record FlowConfig(double eps, int k, int batch) {

    public FlowConfig {
        ConfigException.require(eps > 0, "flow.eps", eps, "a number > 0");
        ConfigException.require(k >= 1, "flow.K", k, "an integer >= 1");
        ConfigException.require(batch >= 2, "flow.batch", batch, "an integer >= 2");
    }

    /** Reads and validates the {@code flow.*} keys. */
    public static FlowConfig from(Settings s) {
        return new FlowConfig(s.getDouble("flow.eps", 1.0), s.getInt("flow.K", 5), s.getInt("flow.batch", 512));
    }
}
