package org.wasserflow.w2;

import org.wasserflow.api.GroundCost;
import org.wasserflow.api.GroundCosts;
import org.wasserflow.api.Loss;

/**
 * The loss {@code J(mu) = W2^2(mu, mu_d) / 2} of W2-FE (Huang &amp; Malik, "Generative Modeling by
 * Minimizing the Wasserstein-2 Loss", arXiv 2406.13619), with cost {@code c(y, x) = |y - x|^2 / 2}.
 */
public final class W2Loss implements Loss {

    /** The name this loss is registered under. */
    public static final String NAME = "w2";

    @Override
    public GroundCost cost() {
        return GroundCosts.HALF_SQUARED_EUCLIDEAN;
    }
}
