package org.wasserflow.ot;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.GroundCost;
import org.wasserflow.api.GroundCosts;

/**
 * The one place where cost matrices between point clouds are built. The squared distances
 * {@code |y_i - x_j|^2} between the rows of {@code y [n, d]} and {@code x [m, d]} come from the squared row
 * norms and one double-precision GEMM, {@code |y_i|^2 + |x_j|^2 - 2 y_i . x_j}, after both clouds are shifted
 * by the mean of {@code x} (distances are translation invariant; the shift keeps the norms, hence the
 * cancellation error, at the scale of the spread). An entry below {@value #RECOMPUTE} times
 * {@code |y_i|^2 + |x_j|^2} (shifted), where cancellation could dominate it, and in particular every negative
 * one, is recomputed from the differences of the unshifted points: coincident points cost exactly 0, and every
 * entry has a relative error of at most about {@code (d + 3) 1e-10}. In dimension at most
 * {@value #DIRECT_MAX_DIMENSION}, where a GEMM does not pay, every entry is summed from the differences.
 *
 * <p>The built-in ground costs are derived entrywise: {@link GroundCosts#HALF_SQUARED_EUCLIDEAN} as half the squared distance, {@link GroundCosts#EUCLIDEAN}
 * as its square root. Any other {@link GroundCost} (recognised by identity with those constants) is evaluated
 * pair by pair with {@link GroundCost#cost}. Matrices are row-major, {@code c[i * m + j]} the cost of row i of {@code y} against row j of {@code x}.
 * ND4J inputs may be of any floating type and order; each is converted to double once per call. Inputs are
 * never modified; every method is thread-safe.
 */
public final class CostMatrix {

    /** Entries below this fraction of the sum of their two shifted squared norms are recomputed directly. */
    static final double RECOMPUTE = 1e-6;

    /**
     * Up to this dimension the squared distances are summed directly from the differences: a GEMM of inner
     * dimension this small costs more in its fixed overheads (off-heap copies, dispatch) than it saves.
     */
    static final int DIRECT_MAX_DIMENSION = 4;

    /** Rows of the first cloud per block in the reductions, so that a block holds {@code BLOCK x m} doubles. */
    private static final int BLOCK = 512;

    private CostMatrix() {
    }

    /** The row-major {@code n x m} matrix of {@code |y_i - x_j|^2} for clouds {@code [n, d]} and {@code [m, d]}. */
    public static double[] squared(INDArray y, INDArray x) {
        check(y, x);
        int d = (int) y.columns();
        return squared(Points.flat(y), Points.flat(x), d);
    }

    /** The row-major {@code n x m} matrix of {@code |y_i - x_j|^2} for row-major clouds {@code double[n * d]}, {@code double[m * d]}. */
    public static double[] squared(double[] y, double[] x, int d) {
        checkFlat(y, x, d);
        if (d <= DIRECT_MAX_DIMENSION) {
            return block(y, y, 0, x, x, d);
        }
        double[] mean = mean(x, d);
        return block(y, shift(y, 0, y.length / d, mean, d), 0, x, shift(x, 0, x.length / d, mean, d), d);
    }

    /** The row-major double {@code n x m} matrix of {@code cost(y_i, x_j)} for clouds {@code [n, d]} and {@code [m, d]}. */
    public static double[] of(GroundCost cost, INDArray y, INDArray x) {
        check(y, x);
        return of(cost, Points.flat(y), Points.flat(x), (int) y.columns());
    }

    /** {@link #of(GroundCost, INDArray, INDArray)} for row-major clouds {@code double[n * d]}, {@code double[m * d]}. */
    public static double[] of(GroundCost cost, double[] y, double[] x, int d) {
        checkFlat(y, x, d);
        if (cost != GroundCosts.HALF_SQUARED_EUCLIDEAN && cost != GroundCosts.EUCLIDEAN) {
            return generic(cost, y, x, d);
        }
        double[] c = squared(y, x, d);
        for (int k = 0; k < c.length; k++) {
            c[k] = cost == GroundCosts.EUCLIDEAN ? Math.sqrt(c[k]) : 0.5 * c[k];
        }
        return c;
    }

    /** The row-major float {@code n x m} matrix of {@code cost(y_i, x_j)}: each entry the double value rounded once. */
    public static float[] ofFloat(GroundCost cost, double[] y, double[] x, int d) {
        double[] c = of(cost, y, x, d);
        float[] out = new float[c.length];
        for (int k = 0; k < c.length; k++) {
            out[k] = (float) c[k];
        }
        return out;
    }

    /** {@code (1 / (n m)) sum_ij |y_i - x_j|}, every pair, in blocks of rows of {@code y} ({@code BLOCK x m} doubles). */
    public static double meanDistance(INDArray y, INDArray x) {
        double[] sum = {0};
        inBlocks(y, x, (start, rows, m, c) -> {
            for (double s : c) {
                sum[0] += Math.sqrt(s);
            }
        });
        return sum[0] / ((double) y.rows() * x.rows());
    }

    /** For each row of {@code y}, the index of its nearest row of {@code x} in Euclidean distance (the first on ties). */
    public static int[] nearest(INDArray y, INDArray x) {
        check(y, x);
        if (x.rows() == 0) {
            throw new IllegalArgumentException("no points to search");
        }
        int[] out = new int[(int) y.rows()];
        inBlocks(y, x, (start, rows, m, c) -> {
            for (int i = 0; i < rows; i++) {
                int arg = 0;
                for (int j = 1; j < m; j++) {
                    if (c[i * m + j] < c[i * m + arg]) {
                        arg = j;
                    }
                }
                out[start + i] = arg;
            }
        });
        return out;
    }

    /** Receives the squared distances of rows {@code start..start+rows} of {@code y} to all {@code m} rows of {@code x}. */
    private interface BlockVisitor {
        void visit(int start, int rows, int m, double[] c);
    }

    /** The squared distance matrix of {@code y} against {@code x}, handed to {@code visitor} in blocks of {@value #BLOCK} rows of {@code y}. */
    private static void inBlocks(INDArray y, INDArray x, BlockVisitor visitor) {
        check(y, x);
        int d = (int) y.columns();
        double[] a = Points.flat(y);
        double[] b = Points.flat(x);
        double[] mean = mean(b, d);
        double[] bs = shift(b, 0, b.length / d, mean, d);
        int n = a.length / d;
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            visitor.visit(start, end - start, b.length / d, block(a, shift(a, start, end, mean, d), start, b, bs, d));
        }
    }

    /**
     * Squared distances between the rows {@code from..} of {@code y} given shifted in {@code ys} (row-major, one
     * row per row of the block) and all rows of {@code x}, shifted in {@code xs}: norms, one GEMM, and the direct
     * formula on the unshifted points for the entries that cancellation could spoil. The product
     * {@code X Y^T} is written in column-major order, whose memory layout is the row-major {@code Y X^T}.
     * Up to {@link #DIRECT_MAX_DIMENSION} every entry is summed directly instead.
     */
    private static double[] block(double[] y, double[] ys, int from, double[] x, double[] xs, int d) {
        int n = ys.length / d;
        int m = xs.length / d;
        if (n == 0 || m == 0) {
            return new double[n * m];
        }
        if (d <= DIRECT_MAX_DIMENSION) {
            double[] c = new double[n * m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    c[i * m + j] = direct(y, (from + i) * d, x, j * d, d);
                }
            }
            return c;
        }
        double[] yn = norms(ys, d);
        double[] xn = norms(xs, d);
        INDArray product = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {m, n}, 'f');
        Nd4j.create(xs, new long[] {m, d}, 'c').mmul(Nd4j.create(ys, new long[] {n, d}, 'c').transpose(), product);
        double[] c = product.data().asDouble();
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int j = 0; j < m; j++) {
                double scale = yn[i] + xn[j];
                double s = scale - 2 * c[row + j];
                c[row + j] = s >= RECOMPUTE * scale ? s : direct(y, (from + i) * d, x, j * d, d);
            }
        }
        return c;
    }

    private static double direct(double[] y, int yo, double[] x, int xo, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double diff = y[yo + k] - x[xo + k];
            s += diff * diff;
        }
        return s;
    }

    private static double[] norms(double[] p, int d) {
        double[] out = new double[p.length / d];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += p[i * d + k] * p[i * d + k];
            }
            out[i] = s;
        }
        return out;
    }

    private static double[] mean(double[] p, int d) {
        double[] mean = new double[d];
        int n = p.length / d;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += p[i * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] = n == 0 ? 0 : mean[k] / n;
        }
        return mean;
    }

    /** Rows {@code from..to} of {@code p} minus {@code mean}, as a new row-major array. */
    private static double[] shift(double[] p, int from, int to, double[] mean, int d) {
        double[] out = new double[(to - from) * d];
        for (int i = from; i < to; i++) {
            for (int k = 0; k < d; k++) {
                out[(i - from) * d + k] = p[i * d + k] - mean[k];
            }
        }
        return out;
    }

    private static double[] generic(GroundCost cost, double[] y, double[] x, int d) {
        int n = y.length / d;
        int m = x.length / d;
        double[][] xr = new double[m][];
        for (int j = 0; j < m; j++) {
            xr[j] = Arrays.copyOfRange(x, j * d, (j + 1) * d);
        }
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            double[] yi = Arrays.copyOfRange(y, i * d, (i + 1) * d);
            for (int j = 0; j < m; j++) {
                c[i * m + j] = cost.cost(yi, xr[j]);
            }
        }
        return c;
    }

    private static void check(INDArray y, INDArray x) {
        if (y.rank() != 2 || x.rank() != 2 || y.columns() != x.columns()) {
            throw new IllegalArgumentException("point clouds [n, d] of one dimension expected, got "
                    + Arrays.toString(y.shape()) + " and " + Arrays.toString(x.shape()));
        }
    }

    private static void checkFlat(double[] y, double[] x, int d) {
        if (d <= 0 || y.length % d != 0 || x.length % d != 0) {
            throw new IllegalArgumentException("row-major clouds of dimension " + d + " expected, got " + y.length
                    + " and " + x.length + " values");
        }
    }
}
