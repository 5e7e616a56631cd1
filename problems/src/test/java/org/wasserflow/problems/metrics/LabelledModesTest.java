package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Sample;
import org.wasserflow.api.testkit.Contracts;
import org.wasserflow.problems.ProblemsModule;

/** {@code modes} and {@code mode-stats} on labelled data without a mixture: each label's mean and spread is a mode. */
class LabelledModesTest {

    @Test
    void eachLabelWithTwoPointsIsAModeAtItsMeanWithItsSpread() {
        INDArray points = Nd4j.createFromArray(new double[][] {{0, 0}, {10, 0}, {2, 0}, {14, 0}, {50, 50}});
        Modes modes = Modes.ofLabels(new Sample(points, new int[] {7, 3, 7, 3, 9}), "test");
        assertEquals(2, modes.count(), "label 9 has one point");
        assertArrayEquals(new double[] {12, 0}, modes.centres()[0], 1e-12, "label 3 first");
        assertArrayEquals(new double[] {1, 0}, modes.centres()[1], 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(8.0 / 4), Math.sqrt(2.0 / 4)}, modes.spreads(), 1e-12,
                "sqrt(sum |x - c|^2 / (n_k d))");
        assertEquals(Math.sqrt(2) * ModeAssignment.scale(2), modes.radii()[0], 1e-12);
    }

    @Test
    void aMixtureGivesItsComponentsAndTheSameAssignmentAsBefore() {
        var mixture = Fixtures.ring().mixture().orElseThrow();
        Modes modes = Modes.of(mixture);
        assertEquals(ModeAssignment.radius(mixture), modes.radii()[3], 0, "std sqrt(q_2)");
        assertArrayEquals(mixture.centres(), modes.centres());
    }

    @Test
    void modesCountsTheLabelsCoveredAndTheDataItselfIsHighQuality() {
        Sample data = Fixtures.clusters(2000, 5, new SplittableRandom(1));
        Sample reference = Fixtures.clusters(2000, 5, new SplittableRandom(2));
        Metric modes = new ModesMetric(Contracts.settings(ProblemsModule.MODES, Map.of()));
        Map<String, Double> fresh = modes.evaluate(labelled(Fixtures.clusters(2000, 5, new SplittableRandom(3)).points(), data, reference));
        assertEquals(2.0, fresh.get("modes_covered"));
        assertEquals(0.989, fresh.get("hq_fraction"), 0.01, "Gaussian classes keep 98.9% within the radius");
        INDArray firstLabel = reference.points().get(NDArrayIndex.interval(0, 1000), NDArrayIndex.all());
        Map<String, Double> half = modes.evaluate(labelled(Nd4j.vstack(firstLabel, firstLabel), data, reference));
        assertEquals(1.0, half.get("modes_covered"), "the clusters are in label order: label 1 missed");
        assertEquals("1/2 modes, 99% high quality", modes.verdict(ModesMetric.NAME, half).get());
    }

    @Test
    void modeStatsSeesTightDisplacedClassesAgainstTheirFloors() {
        Sample data = Fixtures.clusters(2000, 5, new SplittableRandom(4));
        Sample reference = Fixtures.clusters(2000, 5, new SplittableRandom(5));
        INDArray tight = Fixtures.clusters(2000, 5, new SplittableRandom(6)).points();
        INDArray centres = Nd4j.zeros(tight.dataType(), 2000, 5);
        centres.get(NDArrayIndex.interval(0, 1000), NDArrayIndex.point(0)).assign(-2);
        centres.get(NDArrayIndex.interval(1000, 2000), NDArrayIndex.point(0)).assign(2);
        INDArray generated = tight.sub(centres).mul(0.5).add(centres).add(Fixtures.translate(Nd4j.zeros(tight.dataType(), 2000, 5), 0, 0.2, 0, 0, 0));
        Map<String, Double> stats = new ModeStatsMetric().evaluate(labelled(generated, data, reference));
        assertEquals(0.5, stats.get("mode_std_ratio_mean"), 0.03);
        assertEquals(0.2, stats.get("mode_offset_mean"), 0.02);
        assertEquals(1, stats.get("mode_std_ratio_mean_floor"), 0.05);
        assertTrue(stats.get("mode_offset_mean_floor") < 0.05, stats.toString());
    }

    @Test
    void theVerdictsSayHowManyModesAndHowWide() {
        Metric modes = new ModesMetric(Contracts.settings(ProblemsModule.MODES, Map.of()));
        assertEquals("8 modes covered, 95% high quality", modes.verdict(ModesMetric.NAME, Map.of("modes_covered", 8.0, "hq_fraction", 0.954)).get(),
                "before any evaluation the number of modes is unknown");
        Metric stats = new ModeStatsMetric();
        assertEquals("modes 0.64 as wide as the data (too narrow), centres 5.2x their floor offset (well above)",
                stats.verdict(ModeStatsMetric.NAME, Map.of("mode_std_ratio_mean", 0.6438, "mode_offset_mean", 0.0824, "mode_offset_mean_floor", 0.0158)).get());
        assertEquals("modes 1.20 as wide as the data (too wide), centres 1.1x their floor offset (at the floor)",
                stats.verdict(ModeStatsMetric.NAME, Map.of("mode_std_ratio_mean", 1.2, "mode_offset_mean", 0.011, "mode_offset_mean_floor", 0.010)).get());
        assertEquals("modes 0.97 as wide as the data, centres 2.0x their floor offset",
                stats.verdict(ModeStatsMetric.NAME, Map.of("mode_std_ratio_mean", 0.97, "mode_offset_mean", 0.02, "mode_offset_mean_floor", 0.010)).get());
        assertEquals(Optional.empty(), stats.verdict(ModeStatsMetric.NAME, Map.of("w2", 1.0)), "nothing without its columns");
    }

    private static Evaluation labelled(INDArray generated, Sample data, Sample reference) {
        return new Evaluation(Sample.of(generated), generated, data, reference, Optional.empty(), new SplittableRandom(7));
    }
}
