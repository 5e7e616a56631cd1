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
import org.wasserflow.problems.laws.GaussianMixtureLaw;

class W2MetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.W2;
    }

    @Override
    protected Metric create(Settings settings) {
        return new W2Metric();
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
        double w2 = new W2Metric().evaluate(Fixtures.plain(y, x, x)).get("w2");
        assertEquals(1.3, w2, 1e-6);
    }

    @Test
    void matchesExactOtComputedInPython() {
        var columns = new W2Metric().evaluate(Fixtures.plain(TinySets.y(), TinySets.x(), TinySets.y()));
        assertEquals(TinySets.W2, columns.get("w2"), 1e-9);
        assertEquals(columns.get("w2"), columns.get("w2_floor"), 1e-12, "the floor is the reference (here y) against the data");
    }

    /**
     * The 8-Gaussians ring, 2000 against 2000: with stratified sets the floor measures the shape of the modes
     * (0.034 here, 0.0337, 0.0347 and 0.0349 for numpy seeds 0, 1, 2 with scipy's exact assignment); with a
     * random mode per point the multinomial imbalance of the mode counts dominates (0.119 here, 0.096, 0.124 and
     * 0.141 in numpy; today's README reports 0.154).
     */
    @Test
    void stratifiedFloorOfTheRingIsAFractionOfTheRandomOne() {
        GaussianMixtureLaw law = Fixtures.ring();
        double stratified = floor(law.stratified(2000, new SplittableRandom(11)).points(),
                law.stratified(2000, new SplittableRandom(12)).points());
        double random = floor(law.sample(2000, new SplittableRandom(11)).points(), law.sample(2000, new SplittableRandom(12)).points());
        assertTrue(stratified > 0.025 && stratified < 0.045, "stratified floor about 0.034: " + stratified);
        assertTrue(random > 0.09, "random-mode floor about 0.1 to 0.15: " + random);
    }

    private static double floor(INDArray reference, INDArray data) {
        double w2 = new W2Metric().evaluate(Fixtures.plain(reference, data, reference)).get("w2_floor");
        System.out.println("W2 ring floor 2000 vs 2000: " + w2);
        return w2;
    }
}
