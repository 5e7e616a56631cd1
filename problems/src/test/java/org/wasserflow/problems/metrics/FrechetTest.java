package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The Frechet distance against closed forms, its symmetry, and the Gaussian fit. */
class FrechetTest {

    @Test
    void commutingCovariancesGiveTheSumOfSquaredDifferencesOfRootEigenvalues() {
        SplittableRandom rng = new SplittableRandom(3);
        int d = 6;
        RealMatrix q = new QRDecomposition(random(d, rng)).getQ();
        double[] a = {0.5, 1, 2, 3, 0.1, 4};
        double[] b = {1, 1, 0.25, 5, 0.2, 0};
        double[] mu1 = {1, 0, 0, 2, 0, 0};
        double[] mu2 = {0, 0, 1, 2, 0, -1};
        double expected = 1 + 1 + 1;
        for (int k = 0; k < d; k++) {
            expected += Math.pow(Math.sqrt(a[k]) - Math.sqrt(b[k]), 2);
        }
        Frechet.Gaussian p = new Frechet.Gaussian(mu1, rotated(q, a));
        Frechet.Gaussian g = new Frechet.Gaussian(mu2, rotated(q, b));
        // b has a zero eigenvalue: its square root carries sqrt(rounding), about 1e-8, into the cross term
        assertEquals(expected, Frechet.distance(p, g), 1e-6);
        assertEquals(expected, Frechet.distance(g, p), 1e-6, "symmetric");
    }

    /** For 2x2 matrices {@code tr sqrt(M) = sqrt(tr M + 2 sqrt(det M))}, so the cross term is known without commuting. */
    @Test
    void nonCommutingTwoByTwoCovariancesMatchTheClosedForm() {
        double[][] s1 = {{2, 0.6}, {0.6, 1}};
        double[][] s2 = {{0.5, -0.3}, {-0.3, 3}};
        double trS1S2 = s1[0][0] * s2[0][0] + s1[0][1] * s2[1][0] + s1[1][0] * s2[0][1] + s1[1][1] * s2[1][1];
        double det1 = s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0];
        double det2 = s2[0][0] * s2[1][1] - s2[0][1] * s2[1][0];
        double cross = Math.sqrt(trS1S2 + 2 * Math.sqrt(det1 * det2));
        double expected = 0.25 + 2 + 1 + 0.5 + 3 - 2 * cross;
        Frechet.Gaussian p = new Frechet.Gaussian(new double[] {0.5, 0}, s1);
        Frechet.Gaussian q = new Frechet.Gaussian(new double[] {0, 0}, s2);
        assertEquals(expected, Frechet.distance(p, q), 1e-12);
        assertEquals(Frechet.distance(p, q), Frechet.distance(q, p), 1e-12);
    }

    @Test
    void identicalSetsAreAtDistanceZeroAndRankDeficientCovariancesStayReal() {
        SplittableRandom rng = new SplittableRandom(5);
        int d = 20;
        int n = 15;
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Frechet.Gaussian p = Frechet.fit(x, d);
        double distance = Frechet.distance(p, Frechet.fit(x.clone(), d));
        assertTrue(distance >= 0 && distance < 1e-9, "n < d: a singular covariance, distance " + distance);
    }

    @Test
    void samplesOfKnownGaussiansApproachTheirDistance() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 40_000;
        float[] x = new float[2 * n];
        float[] y = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) (1 + 2 * rng.nextGaussian());
            x[2 * i + 1] = (float) rng.nextGaussian();
            y[2 * i] = (float) rng.nextGaussian();
            y[2 * i + 1] = (float) (3 * rng.nextGaussian());
        }
        double expected = 1 + Math.pow(2 - 1, 2) + Math.pow(1 - 3, 2);
        assertEquals(expected, Frechet.distance(Frechet.fit(x, 2), Frechet.fit(y, 2)), 0.1);
    }

    @Test
    void theFitIsTheMeanAndUnbiasedCovariance() {
        Frechet.Gaussian g = Frechet.fit(new float[] {0, 0, 2, 0, 1, 3}, 2);
        assertArrayEquals(new double[] {1, 1}, g.mean(), 1e-12);
        assertArrayEquals(new double[] {1, 0}, g.covariance()[0], 1e-12);
        assertArrayEquals(new double[] {0, 3}, g.covariance()[1], 1e-12);
    }

    private static RealMatrix random(int d, SplittableRandom rng) {
        double[][] m = new double[d][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return new Array2DRowRealMatrix(m, false);
    }

    private static double[][] rotated(RealMatrix q, double[] eigenvalues) {
        double[][] diag = new double[eigenvalues.length][eigenvalues.length];
        for (int k = 0; k < eigenvalues.length; k++) {
            diag[k][k] = eigenvalues[k];
        }
        return q.multiply(new Array2DRowRealMatrix(diag, false)).multiply(q.transpose()).getData();
    }
}
