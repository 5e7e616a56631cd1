package org.wasserflow.api;

/** The two ground costs of the papers, for losses to return from {@link Loss#cost()}. */
public final class GroundCosts {

    /** {@code c(y, x) = |y - x|^2 / 2} (W2); its pull is {@code x - y}. */
    public static final GroundCost HALF_SQUARED_EUCLIDEAN = new GroundCost() {
        @Override
        public double cost(double[] y, double[] x) {
            return squaredDistance(y, x) / 2;
        }

        @Override
        public void pull(double[] y, double[] x, double[] out) {
            for (int k = 0; k < y.length; k++) {
                out[k] = x[k] - y[k];
            }
        }
    };

    /** {@code c(y, x) = |y - x|} (W1); its pull is the unit vector towards x, 0 where the points coincide. */
    public static final GroundCost EUCLIDEAN = new GroundCost() {
        @Override
        public double cost(double[] y, double[] x) {
            return Math.sqrt(squaredDistance(y, x));
        }

        @Override
        public void pull(double[] y, double[] x, double[] out) {
            double norm = cost(y, x);
            for (int k = 0; k < y.length; k++) {
                out[k] = norm > 0 ? (x[k] - y[k]) / norm : 0;
            }
        }
    };

    private GroundCosts() {
    }

    private static double squaredDistance(double[] y, double[] x) {
        double s = 0;
        for (int k = 0; k < y.length; k++) {
            s += (y[k] - x[k]) * (y[k] - x[k]);
        }
        return s;
    }
}
