package org.wasserflow.ot;

/**
 * Exact Wasserstein distances between two uniform empirical laws with the same number of points, by
 * linear assignment. Points are row-major {@code double[n * d]}; inputs are not modified.
 */
public final class EmpiricalTransport {

    private final LinearAssignment solver = new LinearAssignment();

    /** The optimal assignment for the cost {@code |y - x|^p} (p = 1 or 2). */
    public Assignment assign(double[] y, double[] x, int d, int p) {
        int n = count(y, x, d);
        return solver.solve(costMatrix(y, x, n, d, p), n);
    }

    /** {@code W2 = sqrt(min_sigma mean_i |y_i - x_sigma(i)|^2)}. */
    public double w2(double[] y, double[] x, int d) {
        return Math.sqrt(assign(y, x, d, 2).meanCost());
    }

    /** {@code W1 = min_sigma mean_i |y_i - x_sigma(i)|}. */
    public double w1(double[] y, double[] x, int d) {
        return assign(y, x, d, 1).meanCost();
    }

    /** The row-major {@code n x n} matrix of {@code |y_i - x_j|^p}, p = 1 or 2. */
    public static double[] costMatrix(double[] y, double[] x, int n, int d, int p) {
        if (p != 1 && p != 2) {
            throw new IllegalArgumentException("p must be 1 or 2, got " + p);
        }
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = y[i * d + k] - x[j * d + k];
                    s += diff * diff;
                }
                c[i * n + j] = p == 2 ? s : Math.sqrt(s);
            }
        }
        return c;
    }

    private static int count(double[] y, double[] x, int d) {
        if (d <= 0 || y.length != x.length || y.length % d != 0) {
            throw new IllegalArgumentException("point clouds must have the same size and dimension " + d
                    + ": got " + y.length + " and " + x.length + " values");
        }
        return y.length / d;
    }
}
