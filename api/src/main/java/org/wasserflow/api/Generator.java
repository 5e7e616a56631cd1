package org.wasserflow.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A parametric generator {@code G_theta} representing the flow's current law as the push-forward of a
 * source law. Persistent training (SPEC section 2) fits it to the moved samples by regression.
 *
 * <p>Stateful (parameters and optimiser state) and used by one training loop at a time. Arrays are float,
 * row per sample; inputs are never modified.
 */
public interface Generator {

    /** The logical name the generator is registered under, e.g. {@code mlp}. */
    String name();

    /**
     * Pushes source samples through the generator.
     *
     * @param source {@code [m, sourceDim]}
     * @return a new {@code [m, d]} array
     */
    INDArray generate(INDArray source);

    /**
     * One optimiser step descending {@code mean_i |G(z_i) - target_i|^2} over the parameters; targets are
     * constants (no gradient flows into them).
     *
     * @param source {@code [m, sourceDim]}
     * @param target {@code [m, d]}
     * @return the regression loss before the step
     */
    double regress(INDArray source, INDArray target);
}
