package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.Contracts;
import org.wasserflow.api.testkit.MetricContract;
import org.wasserflow.problems.ProblemsModule;

class SlicedW2MetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.SLICED_W2;
    }

    @Override
    protected Metric create(Settings settings) {
        return new SlicedW2Metric(settings);
    }

    @Override
    protected Evaluation evaluation() {
        RandomGenerator rng = new SplittableRandom(3);
        return Fixtures.plain(Fixtures.gaussian(40, 3, 0.5, rng), Fixtures.gaussian(50, 3, 0, rng), Fixtures.gaussian(40, 3, 0, rng));
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("sliced_w2.projections", "0");
    }

    /** A set against itself shifted by m: every projection is shifted by theta . m, so SW2^2 = mean (theta . m)^2. */
    @Test
    void aShiftIsTheMeanSquaredProjectionOfTheShiftAndTendsToItsLengthSquaredOverD() {
        int d = 10;
        double[] m = {0.3, -0.2, 0.5, 0, 0.1, 0.4, -0.6, 0.2, 0, 0.3};
        INDArray x = Fixtures.gaussian(500, d, 0, new SplittableRandom(4)).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        INDArray y = x.addRowVector(Nd4j.createFromArray(m));
        double[] directions = SlicedW2Metric.directions(4096, d, new SplittableRandom(5));
        double meanSquared = 0;
        for (int p = 0; p < 4096; p++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += directions[p * d + j] * m[j];
            }
            meanSquared += dot * dot / 4096;
        }
        double sw2 = SlicedW2Metric.sliced(y, x, directions);
        assertEquals(meanSquared, sw2 * sw2, 1e-9, "exact for these directions");
        double lengthSquared = java.util.Arrays.stream(m).map(v -> v * v).sum();
        assertEquals(lengthSquared / d, sw2 * sw2, 0.06 * lengthSquared / d, "|m|^2 / d for uniform directions (4096 of them: 2% error)");
    }

    @Test
    void theOneDimensionalDistanceIntegratesTheQuantileFunctionsOfUnequalSizes() {
        assertEquals(1.0 / 12, SlicedW2Metric.squared1d(new double[] {0, 1}, new double[] {0, 0.5, 1}), 1e-15,
                "quantiles 0|1 at 1/2 against 0|0.5|1 at 1/3, 2/3 differ by 0.5 on (1/3, 2/3)");
        assertEquals((0.25 + 1 + 4) / 3, SlicedW2Metric.squared1d(new double[] {0.5, 1, 3}, new double[] {0, 2, 5}), 1e-15,
                "equal sizes: the mean squared difference of the sorted values");
        assertEquals(0, SlicedW2Metric.squared1d(new double[] {1, 1, 2, 2}, new double[] {1, 2}), 1e-15, "the same law");
    }

    @Test
    void inOneDimensionItIsTheExactW2() {
        INDArray x = Fixtures.gaussian(300, 1, 0, new SplittableRandom(6));
        INDArray y = Fixtures.gaussian(300, 1, 0.7, new SplittableRandom(7)).mul(1.5);
        double exact = new W2Metric().distance(y, x);
        assertEquals(exact, SlicedW2Metric.sliced(y, x, new double[] {1, -1, 1}), 1e-6);
    }

    @Test
    void theFloorIsSmallAgainstAShiftAndTheDirectionsAreFixedByTheStream() {
        INDArray x = Fixtures.gaussian(1000, 5, 0, new SplittableRandom(8));
        INDArray r = Fixtures.gaussian(1000, 5, 0, new SplittableRandom(9));
        INDArray y = Fixtures.gaussian(1000, 5, 0.2, new SplittableRandom(10));
        Metric metric = new SlicedW2Metric(Contracts.settings(ProblemsModule.SLICED_W2, Map.of()));
        Map<String, Double> columns = metric.evaluate(Fixtures.plain(y, x, r));
        double value = columns.get("sliced_w2");
        double floor = columns.get("sliced_w2_floor");
        assertEquals(0.04, value * value - floor * floor, 0.01, "|m|^2 / d = 0.04 for m = 0.2 (1, ..., 1), on top of the sampling error: " + columns);
        assertTrue(floor < value / 2, columns.toString());
        assertEquals(columns, metric.evaluate(Fixtures.plain(y, x, r)), "the same stream draws the same directions");
    }
}
