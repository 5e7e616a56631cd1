package org.wasserflow.nn;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A first-order optimiser over one {@link Parameters} block, made by {@link OptimizerConfig#create}. */
public interface Optimizer {

    /** One descent step with the accumulated gradient, which is consumed (left at zero). */
    void step();

    /** The optimiser's own state (Adam's moments and step count), copies; empty for a stateless optimiser. */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /** Continues from what {@link #state} returned for the same parameter block. */
    default void restore(Map<String, INDArray> state) {
    }
}
