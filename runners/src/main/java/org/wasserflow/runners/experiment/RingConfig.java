package org.wasserflow.runners.experiment;

import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The Gaussians-on-a-ring benchmark (Metz et al. 2017), read from the {@code ring.*} keys.
 *
 * @param modes {@code ring.modes}: number of Gaussians, default 8
 * @param radius {@code ring.radius}: radius of the ring of centres, default 1
 * @param std {@code ring.std}: per-coordinate std of each Gaussian, default 0.1
 * @param sourceStd {@code ring.source_std}: std of the 2-D Gaussian source, default 0.05
 * @param evalSize {@code ring.eval_size}: generated and data samples in the evaluation, default 2000
 */
public record RingConfig(int modes, double radius, double std, double sourceStd, int evalSize) {

    public RingConfig {
        ConfigException.require(modes >= 1, "ring.modes", modes, "an integer >= 1");
        ConfigException.require(radius >= 0, "ring.radius", radius, "a number >= 0");
        ConfigException.require(std > 0, "ring.std", std, "a number > 0");
        ConfigException.require(sourceStd > 0, "ring.source_std", sourceStd, "a number > 0");
        ConfigException.require(evalSize >= 8, "ring.eval_size", evalSize, "an integer >= 8");
    }

    /** Reads and validates the {@code ring.*} keys. */
    public static RingConfig from(Settings s) {
        return new RingConfig(s.getInt("ring.modes", 8), s.getDouble("ring.radius", 1), s.getDouble("ring.std", 0.1),
                s.getDouble("ring.source_std", 0.05), s.getInt("ring.eval_size", 2000));
    }
}
