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

class EnergyMetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.ENERGY;
    }

    @Override
    protected Metric create(Settings settings) {
        return new EnergyMetric();
    }

    @Override
    protected Evaluation evaluation() {
        RandomGenerator rng = new SplittableRandom(3);
        return Fixtures.plain(Fixtures.gaussian(40, 3, 0.5, rng), Fixtures.gaussian(50, 3, 0, rng), Fixtures.gaussian(40, 3, 0, rng));
    }

    @Test
    void identicalSetsAreAtZero() {
        INDArray x = Fixtures.gaussian(300, 4, 0, new SplittableRandom(6));
        assertEquals(0, EnergyMetric.energy(x, x.dup()), 1e-12);
    }

    @Test
    void isPositiveAndGrowsWithAShift() {
        INDArray x = Fixtures.gaussian(400, 2, 0, new SplittableRandom(7));
        INDArray y = Fixtures.gaussian(400, 2, 0, new SplittableRandom(8));
        double previous = 0;
        for (double shift : new double[] {0, 0.25, 0.5, 1, 2}) {
            double e = EnergyMetric.energy(Fixtures.translate(y, shift, 0), x);
            assertTrue(e > previous, "energy at shift " + shift + " = " + e + " > " + previous);
            previous = e;
        }
    }

    @Test
    void matchesTheVStatisticComputedInPython() {
        var columns = new EnergyMetric().evaluate(Fixtures.plain(TinySets.y(), TinySets.x(), TinySets.x()));
        assertEquals(TinySets.ENERGY, columns.get("energy"), 1e-9);
        assertEquals(0, columns.get("energy_floor"), 1e-12, "the reference is the data itself");
    }

    @Test
    void theFloorIsTheVStatisticBiasOfTwoSamplesOfOneLaw() {
        INDArray x = Fixtures.gaussian(1000, 2, 0, new SplittableRandom(9));
        INDArray r = Fixtures.gaussian(1000, 2, 0, new SplittableRandom(10));
        double floor = new EnergyMetric().evaluate(Fixtures.plain(r, x, r)).get("energy_floor");
        double meanDistance = Math.sqrt(Math.PI);
        assertEquals(2 * meanDistance / 1000, floor, 0.0025, "E|X - X'| (1/n + 1/m) for standard normals in 2-D");
    }
}
