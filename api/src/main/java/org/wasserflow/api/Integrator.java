package org.wasserflow.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A time stepper for the distribution-dependent ODE {@code dY = v_{mu_t}(Y) dt} (docs/math.md section 5).
 * Stateless and thread-safe.
 */
public interface Integrator {

    /**
     * Advances the samples by one step.
     *
     * @param samples {@code [m, d]} samples of the current law; not modified
     * @param eps the step size (flow time), positive
     * @param field the velocity of the flow for the law of the points it is given
     * @return a new {@code [m, d]} array: the targets {@code zeta}
     */
    INDArray step(INDArray samples, double eps, VelocityField field);
}
