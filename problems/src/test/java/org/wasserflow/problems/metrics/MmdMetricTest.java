package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.MetricContract;
import org.wasserflow.ot.Points;
import org.wasserflow.problems.ProblemsModule;

class MmdMetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.MMD;
    }

    @Override
    protected Metric create(Settings settings) {
        return new MmdMetric();
    }

    @Override
    protected Evaluation evaluation() {
        RandomGenerator rng = new SplittableRandom(3);
        return Fixtures.plain(Fixtures.gaussian(40, 3, 0.5, rng), Fixtures.gaussian(50, 3, 0, rng), Fixtures.gaussian(40, 3, 0, rng));
    }

    /**
     * N(0, s^2 I) against N(mu, s^2 I) in d dimensions at bandwidth sigma: with c = (sigma^2 / (sigma^2 + 2 s^2))^(d/2),
     * E k(X, X') = c and E k(X, Y) = c exp(-|mu|^2 / (2 (sigma^2 + 2 s^2))), so MMD^2 = 2 c (1 - exp(...)).
     */
    @Test
    void theUnbiasedEstimateMatchesTheClosedFormOfTwoGaussians() {
        int d = 3;
        double sigma = 1.5;
        double shift = 0.6;
        double[] x = Points.flat(Fixtures.gaussian(1500, d, 0, new SplittableRandom(11)));
        double[] y = Points.flat(Fixtures.gaussian(1500, d, shift, new SplittableRandom(12)));
        double v = sigma * sigma + 2;
        double c = Math.pow(sigma * sigma / v, d / 2.0);
        double exact = 2 * c * (1 - Math.exp(-d * shift * shift / (2 * v)));
        assertEquals(exact, MmdMetric.unbiased(y, x, d, sigma), 0.1 * exact);
    }

    /** Unbiased: over independent pairs of samples of one law the estimates average 0 (a V-statistic would be about 2 (1 - c) / n). */
    @Test
    void identicalLawsAverageZero() {
        int d = 2;
        int pairs = 40;
        double sum = 0;
        double sumSquares = 0;
        for (int p = 0; p < pairs; p++) {
            double[] x = Points.flat(Fixtures.gaussian(100, d, 0, new SplittableRandom(100 + 2 * p)));
            double[] y = Points.flat(Fixtures.gaussian(100, d, 0, new SplittableRandom(101 + 2 * p)));
            double u = MmdMetric.unbiased(y, x, d, 1);
            sum += u;
            sumSquares += u * u;
        }
        double mean = sum / pairs;
        double se = Math.sqrt((sumSquares / pairs - mean * mean) / (pairs - 1));
        double vBias = 2 * (1 - Math.pow(1.0 / 3, d / 2.0)) / 100;
        assertTrue(Math.abs(mean) < 3 * se, "mean " + mean + " +- " + se);
        assertTrue(3 * se < vBias, "the test tells an unbiased estimate from a V-statistic: " + se + " vs " + vBias);
    }

    @Test
    void aSetAgainstItselfIsTheClosedFormOfItsOwnKernelSums() {
        double[] x = {0, 1, 3};
        double k1 = Math.exp(-1 / 8.0);
        double k2 = Math.exp(-4 / 8.0);
        double k3 = Math.exp(-9 / 8.0);
        double offDiagonal = 2 * (k1 + k2 + k3);
        double expected = 2 * offDiagonal / 6 - 2 * (offDiagonal + 3) / 9;
        assertEquals(2.0, MmdMetric.medianDistance(x, 1), 0, "distances 1, 3 and 2");
        assertEquals(expected, MmdMetric.unbiased(x, x, 1, 2.0), 1e-15);
        assertTrue(expected < 0, "an unbiased estimate can fall below 0");
    }

    @Test
    void aShiftedSetIsFarAboveTheFloorAndTheSameSetAtIt() {
        INDArray x = Fixtures.gaussian(800, 4, 0, new SplittableRandom(13));
        INDArray r = Fixtures.gaussian(800, 4, 0, new SplittableRandom(14));
        Map<String, Double> shifted = new MmdMetric().evaluate(Fixtures.plain(Fixtures.translate(r, 0.5, 0, 0, 0), x, r));
        Map<String, Double> same = new MmdMetric().evaluate(Fixtures.plain(r, x, r));
        assertEquals(same.get("mmd"), same.get("mmd_floor"), 0);
        assertTrue(shifted.get("mmd") > 0.05 && shifted.get("mmd_floor") < 0.03, shifted.toString());
    }
}
