package org.wasserflow.ot;

import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The Sinkhorn potential, read from the {@code sinkhorn.*} keys.
 *
 * @param epsilon {@code sinkhorn.epsilon}: entropic regularisation in cost units, default 0.01
 * @param scaling {@code sinkhorn.scaling}: epsilon-scaling factor in (0, 1), default 0.5
 * @param tolerance {@code sinkhorn.tolerance}: L1 marginal error at which to stop, default 1e-4
 * @param maxIterations {@code sinkhorn.max_iterations}: iteration cap at the target epsilon, default 1000
 * @param debias {@code sinkhorn.debias}: use the Sinkhorn divergence (subtract the self term), default false
 */
public record SinkhornConfig(double epsilon, double scaling, double tolerance, int maxIterations, boolean debias) {

    public SinkhornConfig {
        ConfigException.require(epsilon > 0, "sinkhorn.epsilon", epsilon, "a number > 0");
        ConfigException.require(scaling > 0 && scaling < 1, "sinkhorn.scaling", scaling, "a number in (0, 1)");
        ConfigException.require(tolerance > 0, "sinkhorn.tolerance", tolerance, "a number > 0");
        ConfigException.require(maxIterations >= 1, "sinkhorn.max_iterations", maxIterations, "an integer >= 1");
    }

    /** Reads and validates the {@code sinkhorn.*} keys. */
    public static SinkhornConfig from(Settings s) {
        return new SinkhornConfig(s.getDouble("sinkhorn.epsilon", 0.01), s.getDouble("sinkhorn.scaling", 0.5),
                s.getDouble("sinkhorn.tolerance", 1e-4), s.getInt("sinkhorn.max_iterations", 1000),
                s.getBoolean("sinkhorn.debias", false));
    }

    /** The solver options. */
    public Sinkhorn.Options options() {
        return new Sinkhorn.Options(epsilon, scaling, tolerance, maxIterations);
    }
}
