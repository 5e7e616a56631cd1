package org.wasserflow.problems.metrics;

import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Mixture;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.Contracts;
import org.wasserflow.api.testkit.MetricContract;
import org.wasserflow.problems.ProblemsModule;
import org.wasserflow.problems.laws.GaussianMixtureLaw;

class ModeStatsMetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.MODE_STATS;
    }

    @Override
    protected Metric create(Settings settings) {
        return new ModeStatsMetric();
    }

    @Override
    protected java.util.Set<String> columnPrefixes() {
        return java.util.Set.of("mode_");
    }

    @Override
    protected Evaluation evaluation() {
        GaussianMixtureLaw law = Fixtures.ring();
        return Fixtures.ring(Fixtures.blobs(law.mixture().orElseThrow(), 80, 0.1, 0.5, new SplittableRandom(2)), law, 3);
    }

    /**
     * Today's default ring picture: tight blobs displaced 0.15 from the centres. hq_fraction sees a perfect
     * sample; the per-mode statistics see the offset and the tightness, far from their floors.
     */
    @Test
    void revealsDisplacedTightBlobsThatHighQualityFractionDoesNot() {
        GaussianMixtureLaw law = Fixtures.ring();
        Mixture mixture = law.mixture().orElseThrow();
        Evaluation e = Fixtures.ring(Fixtures.blobs(mixture, 2000, 0.15, 0.3, new SplittableRandom(30)), law, 31);
        Map<String, Double> stats = new ModeStatsMetric().evaluate(e);
        Map<String, Double> modes = new ModesMetric(Contracts.settings(ProblemsModule.MODES, Map.of())).evaluate(e);
        System.out.println("displaced tight blobs: " + stats + " " + modes);
        assertTrue(modes.get("hq_fraction") > 0.99, "hq_fraction blind to it: " + modes);
        assertEquals(0.15, stats.get("mode_offset_mean"), 0.01);
        assertEquals(0.15, stats.get("mode_offset_max"), 0.03);
        assertEquals(0.3, stats.get("mode_std_ratio_mean"), 0.03);
        assertEquals(0.3, stats.get("mode_std_ratio_min"), 0.05);
        assertEquals(0.01, stats.get("mode_offset_mean_floor"), 0.008, "a fresh data sample, 250 points per mode");
        assertTrue(stats.get("mode_offset_max_floor") < 0.03, "floor of the max offset: " + stats);
        assertEquals(1, stats.get("mode_std_ratio_mean_floor"), 0.03);
        assertTrue(stats.get("mode_std_ratio_min_floor") > 0.9, "floor of the min ratio: " + stats);
    }

    @Test
    void aFreshDataSampleIsAtTheFloor() {
        GaussianMixtureLaw law = Fixtures.ring();
        Evaluation e = Fixtures.ring(law.stratified(2000, new SplittableRandom(40)).points(), law, 41);
        Map<String, Double> stats = new ModeStatsMetric().evaluate(e);
        assertEquals(0.011, stats.get("mode_offset_mean"), 0.008);
        assertEquals(1, stats.get("mode_std_ratio_mean"), 0.03);
    }

    @Test
    void isNotDefinedWithoutAModeInCommon() {
        GaussianMixtureLaw law = Fixtures.ring();
        Evaluation e = Fixtures.ring(Fixtures.gaussian(80, 2, 5, new SplittableRandom(42)), law, 43);
        assertTrue(Double.isNaN(new ModeStatsMetric().evaluate(e).get("mode_offset_mean")), "far from every mode");
    }
}
