package org.wasserflow.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.GroundCost;
import org.wasserflow.api.GroundCosts;

/** {@link CostMatrix} against the pairwise loop formula, for both built-in costs, a third-party cost and the reductions. */
class CostMatrixTest {

    /** A cost the class does not know: the L1 distance. */
    private static final GroundCost MANHATTAN = new GroundCost() {
        @Override
        public double cost(double[] y, double[] x) {
            double s = 0;
            for (int k = 0; k < y.length; k++) {
                s += Math.abs(y[k] - x[k]);
            }
            return s;
        }

        @Override
        public void pull(double[] y, double[] x, double[] out) {
            for (int k = 0; k < y.length; k++) {
                out[k] = Math.signum(x[k] - y[k]);
            }
        }
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 17})
    void builtInAndThirdPartyCostsMatchTheLoopFormula(int d) {
        Random rnd = new Random(d);
        int n = 37;
        int m = 53;
        double[] y = cloud(rnd, n, d, 3.0);
        double[] x = cloud(rnd, m, d, 0.5);
        for (GroundCost cost : new GroundCost[] {GroundCosts.HALF_SQUARED_EUCLIDEAN, GroundCosts.EUCLIDEAN, MANHATTAN}) {
            double[] loop = loop(cost, y, x, d);
            double[] flat = CostMatrix.of(cost, y, x, d);
            double[] nd = CostMatrix.of(cost, array(y, n, d, DataType.DOUBLE), array(x, m, d, DataType.DOUBLE));
            float[] single = CostMatrix.ofFloat(cost, y, x, d);
            assertEquals(n * m, flat.length);
            for (int k = 0; k < loop.length; k++) {
                double tolerance = 1e-9 * Math.abs(loop[k]);
                assertEquals(loop[k], flat[k], tolerance, "entry " + k + " of " + d + "-d");
                assertEquals(flat[k], nd[k], 0.0);
                assertEquals((float) flat[k], single[k], 0f);
            }
        }
        double[] squared = CostMatrix.squared(y, x, d);
        double[] half = loop(GroundCosts.HALF_SQUARED_EUCLIDEAN, y, x, d);
        for (int k = 0; k < squared.length; k++) {
            assertEquals(2 * half[k], squared[k], 1e-9 * squared[k]);
        }
    }

    @Test
    void coincidentPointsCostExactlyZeroFarFromTheOrigin() {
        Random rnd = new Random(5);
        int n = 40;
        int d = 3;
        double[] y = cloud(rnd, n, d, 1.0);
        for (int k = 0; k < y.length; k++) {
            y[k] += 1e4;
        }
        double[] c = CostMatrix.of(GroundCosts.EUCLIDEAN, y, y.clone(), d);
        double[] loop = loop(GroundCosts.EUCLIDEAN, y, y, d);
        for (int i = 0; i < n; i++) {
            assertEquals(0.0, c[i * n + i], 0.0, "a point costs nothing against itself");
        }
        for (int k = 0; k < c.length; k++) {
            assertEquals(loop[k], c[k], 1e-9 * loop[k]);
        }
    }

    @Test
    void floatInputsAndReductionsMatchTheLoopFormula() {
        Random rnd = new Random(11);
        int n = 1100;
        int m = 70;
        int d = 4;
        double[] y = cloud(rnd, n, d, 1.0);
        double[] x = cloud(rnd, m, d, 1.0);
        INDArray yf = array(y, n, d, DataType.FLOAT);
        INDArray xf = array(x, m, d, DataType.FLOAT);
        double[] rounded = yf.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] roundedX = xf.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] loop = loop(GroundCosts.EUCLIDEAN, rounded, roundedX, d);
        double mean = 0;
        int[] nearest = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                mean += loop[i * m + j];
                if (loop[i * m + j] < loop[i * m + nearest[i]]) {
                    nearest[i] = j;
                }
            }
        }
        assertEquals(mean / ((double) n * m), CostMatrix.meanDistance(yf, xf), 1e-12);
        assertArrayEquals(nearest, CostMatrix.nearest(yf, xf));
        double[] sq = CostMatrix.squared(yf, xf);
        assertEquals(n * m, sq.length);
        for (int k = 0; k < sq.length; k++) {
            assertEquals(loop[k] * loop[k], sq[k], 1e-9 * sq[k]);
        }
    }

    @Test
    void rejectsMismatchedDimensions() {
        assertThrows(IllegalArgumentException.class, () -> CostMatrix.of(GroundCosts.EUCLIDEAN, new double[6], new double[4], 3));
        assertThrows(IllegalArgumentException.class,
                () -> CostMatrix.squared(Nd4j.zeros(DataType.DOUBLE, 2, 3), Nd4j.zeros(DataType.DOUBLE, 2, 2)));
    }

    private static double[] loop(GroundCost cost, double[] y, double[] x, int d) {
        int n = y.length / d;
        int m = x.length / d;
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            double[] yi = java.util.Arrays.copyOfRange(y, i * d, (i + 1) * d);
            for (int j = 0; j < m; j++) {
                c[i * m + j] = cost.cost(yi, java.util.Arrays.copyOfRange(x, j * d, (j + 1) * d));
            }
        }
        return c;
    }

    private static double[] cloud(Random rnd, int n, int d, double offset) {
        double[] p = new double[n * d];
        for (int k = 0; k < p.length; k++) {
            p[k] = rnd.nextGaussian() + offset;
        }
        return p;
    }

    private static INDArray array(double[] flat, int n, int d, DataType type) {
        return Nd4j.create(flat, new long[] {n, d}, 'c').castTo(type);
    }
}
