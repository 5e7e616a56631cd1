package org.wasserflow.w1;

import org.wasserflow.api.GroundCost;
import org.wasserflow.api.GroundCosts;
import org.wasserflow.api.Loss;

/**
 * The loss {@code J(mu) = W1(mu, mu_d)} of W1-FE (Malik &amp; Huang, "A Differential Equation Approach for
 * Wasserstein GANs and Beyond", arXiv 2405.16351), with cost {@code c(y, x) = |y - x|}. Its pull is the unit
 * vector from y towards x (zero where they coincide, a subgradient).
 */
public final class W1Loss implements Loss {

    /** The name this loss is registered under. */
    public static final String NAME = "w1";

    @Override
    public GroundCost cost() {
        return GroundCosts.EUCLIDEAN;
    }
}
