package org.wasserflow.plugins.sliced;

import org.wasserflow.api.GroundCost;
import org.wasserflow.api.GroundCosts;
import org.wasserflow.api.Loss;

/**
 * The sliced Wasserstein-2 loss {@code SW2^2(mu, mu_d) / 2 = E_theta W2^2(theta#mu, theta#mu_d) / 2} over
 * directions theta uniform on the sphere (Bonneel et al. 2015; its gradient flow: Liutkus et al. 2019,
 * "Sliced-Wasserstein flows"). Its ground cost, used by cost-generic estimators, is {@code |y - x|^2 / 2}.
 */
public final class SlicedW2Loss implements Loss {

    /** The name this loss is registered under. */
    public static final String NAME = "sliced-w2";

    @Override
    public GroundCost cost() {
        return GroundCosts.HALF_SQUARED_EUCLIDEAN;
    }
}
