package org.wasserflow.ot;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.GroundCosts;

/**
 * Exact Wasserstein distances between two uniform empirical laws with the same number of points, by
 * linear assignment on cost matrices built by {@link CostMatrix}. Points are row-major {@code double[n * d]} or
 * ND4J arrays {@code [n, d]}; inputs are not modified.
 */
public final class EmpiricalTransport {

    private final LinearAssignment solver = new LinearAssignment();

    /** The optimal assignment for the cost {@code |y - x|^p} (p = 1 or 2). */
    public Assignment assign(double[] y, double[] x, int d, int p) {
        int n = count(y, x, d);
        return solver.solve(costMatrix(y, x, n, d, p), n);
    }

    /** The optimal assignment for the cost {@code |y - x|^p} (p = 1 or 2) between two clouds {@code [n, d]}. */
    public Assignment assign(INDArray y, INDArray x, int p) {
        if (y.rows() != x.rows() || y.columns() != x.columns()) {
            throw new IllegalArgumentException("point clouds must have the same size and dimension: got "
                    + Arrays.toString(y.shape()) + " and " + Arrays.toString(x.shape()));
        }
        double[] c = switch (p) {
            case 1 -> CostMatrix.of(GroundCosts.EUCLIDEAN, y, x);
            case 2 -> CostMatrix.squared(y, x);
            default -> throw new IllegalArgumentException("p must be 1 or 2, got " + p);
        };
        return solver.solve(c, (int) y.rows());
    }

    /** {@code W2 = sqrt(min_sigma mean_i |y_i - x_sigma(i)|^2)}. */
    public double w2(double[] y, double[] x, int d) {
        return Math.sqrt(assign(y, x, d, 2).meanCost());
    }

    /** {@code W1 = min_sigma mean_i |y_i - x_sigma(i)|}. */
    public double w1(double[] y, double[] x, int d) {
        return assign(y, x, d, 1).meanCost();
    }

    /**
     * The row-major {@code n x n} matrix of {@code |y_i - x_j|^p}, p = 1 or 2, built by {@link CostMatrix}.
     *
     * @param y row-major {@code double[n * d]}
     * @param x row-major {@code double[n * d]}
     */
    public static double[] costMatrix(double[] y, double[] x, int n, int d, int p) {
        if (p != 1 && p != 2) {
            throw new IllegalArgumentException("p must be 1 or 2, got " + p);
        }
        if (y.length != (long) n * d || x.length != (long) n * d) {
            throw new IllegalArgumentException("expected " + n + " points of dimension " + d + ", got " + y.length + " and "
                    + x.length + " values");
        }
        if (p == 1) {
            return CostMatrix.of(GroundCosts.EUCLIDEAN, y, x, d);
        }
        return CostMatrix.squared(y, x, d);
    }

    private static int count(double[] y, double[] x, int d) {
        if (d <= 0 || y.length != x.length || y.length % d != 0) {
            throw new IllegalArgumentException("point clouds must have the same size and dimension " + d
                    + ": got " + y.length + " and " + x.length + " values");
        }
        return y.length / d;
    }
}
