package org.example.gaussmap;

import org.wasserflow.api.GroundCost;
import org.wasserflow.api.GroundCosts;
import org.wasserflow.api.Loss;

/**
 * The W2 loss with cost {@code |y - x|^2 / 2}, paired with the {@link GaussianMapPotential} estimator: the flow
 * moves the generated law along the W2 geodesic towards the data's best diagonal Gaussian fit. Its ground cost also
 * lets the cost-generic estimators ({@code exact-ot}, {@code sinkhorn}) run with it. Select it with
 * {@code loss=moment-w2}.
 */
public final class MomentW2Loss implements Loss {

    @Override
    public GroundCost cost() {
        return GroundCosts.HALF_SQUARED_EUCLIDEAN;
    }
}
