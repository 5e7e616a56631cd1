package org.wasserflow.nn;

/** A first-order optimiser over one {@link Parameters} block, made by {@link OptimizerConfig#create}. */
public interface Optimizer {

    /** One descent step with the accumulated gradient, which is consumed (left at zero). */
    void step();
}
