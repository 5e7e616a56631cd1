package org.wasserflow.plugins.sliced;

import org.wasserflow.api.GroundCost;
import org.wasserflow.api.Loss;

/**
 * The sliced Wasserstein-2 loss {@code SW2^2(mu, mu_d) / 2 = E_theta W2^2(theta#mu, theta#mu_d) / 2} over
 * directions theta uniform on the sphere (Bonneel et al. 2015; its gradient flow: Liutkus et al. 2019,
 * "Sliced-Wasserstein flows"). Its ground cost, used by cost-generic estimators, is {@code |y - x|^2 / 2}.
 */
public final class SlicedW2Loss implements Loss {

    /** The name this loss is registered under. */
    public static final String NAME = "sliced-w2";

    private static final GroundCost HALF_SQUARED = new GroundCost() {
        @Override
        public double cost(double[] y, double[] x) {
            double s = 0;
            for (int k = 0; k < y.length; k++) {
                s += (y[k] - x[k]) * (y[k] - x[k]);
            }
            return s / 2;
        }

        @Override
        public void pull(double[] y, double[] x, double[] out) {
            for (int k = 0; k < y.length; k++) {
                out[k] = x[k] - y[k];
            }
        }
    };

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GroundCost cost() {
        return HALF_SQUARED;
    }
}
