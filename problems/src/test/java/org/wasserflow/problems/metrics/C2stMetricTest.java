package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.MetricContract;
import org.wasserflow.ot.Points;
import org.wasserflow.problems.ProblemsModule;

class C2stMetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.C2ST;
    }

    @Override
    protected Metric create(Settings settings) {
        return new C2stMetric(settings);
    }

    @Override
    protected Evaluation evaluation() {
        RandomGenerator rng = new SplittableRandom(3);
        return Fixtures.plain(Fixtures.gaussian(40, 3, 0.5, rng), Fixtures.gaussian(50, 3, 0, rng), Fixtures.gaussian(40, 3, 0, rng));
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("c2st.neighbours", "4");
    }

    @Test
    void separatedSetsAreToldApartEveryTime() {
        double[] x = Points.flat(Fixtures.gaussian(300, 3, 0, new SplittableRandom(4)));
        double[] y = Points.flat(Fixtures.gaussian(200, 3, 10, new SplittableRandom(5)));
        assertEquals(1.0, C2stMetric.accuracy(y, x, 3, 25, new SplittableRandom(6)), 0);
        assertEquals(1.0, C2stMetric.accuracy(y, x, 3, 1, new SplittableRandom(6)), 0);
    }

    /** One law: the held-out accuracy is 0.5 with a spread of 0.5 / sqrt(2 * 1000) = 0.011. */
    @Test
    void oneLawIsAtChance() {
        double[] x = Points.flat(Fixtures.gaussian(2000, 5, 0, new SplittableRandom(7)));
        double[] y = Points.flat(Fixtures.gaussian(2000, 5, 0, new SplittableRandom(8)));
        assertEquals(0.5, C2stMetric.accuracy(y, x, 5, 25, new SplittableRandom(9)), 0.04);
    }

    /** Two unit Gaussians a distance 1 apart: the Bayes classifier scores Phi(1/2) = 0.69; k-NN comes close, not above. */
    @Test
    void aShiftIsToldApartAtMostAsWellAsTheBayesClassifier() {
        double[] x = Points.flat(Fixtures.gaussian(2000, 1, 0, new SplittableRandom(10)));
        double[] y = Points.flat(Fixtures.gaussian(2000, 1, 1, new SplittableRandom(11)));
        double accuracy = C2stMetric.accuracy(y, x, 1, 25, new SplittableRandom(12));
        assertTrue(accuracy > 0.62 && accuracy < 0.69 + 0.03, "accuracy " + accuracy);
    }

    @Test
    void theVerdictSaysHowFarFromChance() {
        Metric m = create(Map.of());
        assertEquals("c2st 0.61 accuracy against 0.49 for data (0.5 is perfect)", m.verdict(C2stMetric.NAME, Map.of("c2st", 0.61, "c2st_floor", 0.49)).get());
        assertEquals("c2st 0.51 accuracy against 0.50 for data (0.5 is perfect) (indistinguishable)",
                m.verdict(C2stMetric.NAME, Map.of("c2st", 0.512, "c2st_floor", 0.498)).get());
    }
}
