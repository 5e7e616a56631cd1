package org.wasserflow.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The velocity of the gradient flow for the law of a set of points, evaluated at those points. */
@FunctionalInterface
public interface VelocityField {

    /**
     * @param points {@code [m, d]} samples of a law; not modified
     * @return a new {@code [m, d]} array of velocities
     */
    INDArray at(INDArray points);
}
