package org.wasserflow.problems.metrics;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.MetricContract;
import org.wasserflow.problems.ProblemsModule;

class W1MetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.W1;
    }

    @Override
    protected Metric create(Settings settings) {
        return new W1Metric();
    }

    @Override
    protected Evaluation evaluation() {
        RandomGenerator rng = new SplittableRandom(3);
        return Fixtures.plain(Fixtures.gaussian(40, 3, 0.5, rng), Fixtures.gaussian(40, 3, 0, rng), Fixtures.gaussian(40, 3, 0, rng));
    }

    @Test
    void aTranslateIsAtTheLengthOfTheTranslation() {
        INDArray x = Fixtures.gaussian(60, 3, 0, new SplittableRandom(4));
        INDArray y = Fixtures.translate(x, 0.3, -0.4, 1.2);
        assertEquals(1.3, new W1Metric().evaluate(Fixtures.plain(y, x, x)).get("w1"), 1e-6);
    }

    @Test
    void matchesExactOtComputedInPythonAndIsAtMostW2() {
        var e = Fixtures.plain(TinySets.y(), TinySets.x(), TinySets.y());
        double w1 = new W1Metric().evaluate(e).get("w1");
        assertEquals(TinySets.W1, w1, 1e-9);
        assertTrue(w1 <= new W2Metric().evaluate(e).get("w2"), "W1 <= W2 (Jensen)");
    }
}
