package org.wasserflow.problems.metrics;

import java.util.Map;
import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.MetricContract;
import org.wasserflow.problems.ProblemsModule;

class NnAccuracyMetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.NN_ACCURACY;
    }

    @Override
    protected Metric create(Settings settings) {
        return new NnAccuracyMetric();
    }

    @Override
    protected Set<String> columnPrefixes() {
        return Set.of("accuracy", "baseline_");
    }

    @Override
    protected Evaluation evaluation() {
        return transfer(Fixtures.clusters(60, 5, new SplittableRandom(50)), 3.0, 5);
    }

    /** Source clusters, generated = source translated by {@code shift} along e_1, data = fresh clusters. */
    static Evaluation transfer(Sample source, double shift, int d) {
        double[] t = new double[d];
        t[0] = shift;
        INDArray generated = Fixtures.translate(source.points(), t);
        Sample data = Fixtures.clusters(80, d, new SplittableRandom(51));
        Sample reference = Fixtures.clusters(source.size(), d, new SplittableRandom(52));
        return new Evaluation(source, generated, data, reference, Optional.empty(), new SplittableRandom(53));
    }

    @Test
    void theVerdictGivesTheAccuracyWithItsBaselines() {
        NnAccuracyMetric m = new NnAccuracyMetric();
        assertEquals("1-NN accuracy 0.812 (no transport 0.342)",
                m.verdict(NnAccuracyMetric.NAME, Map.of("accuracy", 0.8123, "baseline_no_transport", 0.342)).get());
        assertEquals("1-NN accuracy 0.812 (no transport 0.342, exact OT 0.456)", m.verdict(NnAccuracyMetric.NAME,
                Map.of("accuracy", 0.8123, "baseline_no_transport", 0.342, NnOtBaselineMetric.COLUMN, 0.456)).get());
        assertTrue(m.verdict(NnAccuracyMetric.NAME, Map.of("w2", 1.0)).isEmpty());
    }

    @Test
    void separatedClustersTransferPerfectly() {
        Sample source = Fixtures.clusters(60, 5, new SplittableRandom(54));
        var columns = new NnAccuracyMetric().evaluate(transfer(source, 0.2, 5));
        assertEquals(1.0, columns.get("accuracy"));
        assertEquals(1.0, columns.get("baseline_no_transport"), "the source already lies on the data");
    }

    @Test
    void swappedLabelsTransferNothing() {
        Sample source = Fixtures.clusters(60, 5, new SplittableRandom(55));
        int[] swapped = source.labels();
        for (int i = 0; i < swapped.length; i++) {
            swapped[i] = 1 - swapped[i];
        }
        var columns = new NnAccuracyMetric().evaluate(transfer(new Sample(source.points(), swapped), 0.0, 5));
        assertEquals(0.0, columns.get("accuracy"));
    }

    @Test
    void aTransportThatSwapsTheClustersScoresZeroAgainstAPerfectBaseline() {
        Sample source = Fixtures.clusters(60, 5, new SplittableRandom(56));
        INDArray mirrored = source.points().dup();
        mirrored.getColumn(0).negi();
        Evaluation e = transfer(source, 0, 5);
        var columns = new NnAccuracyMetric().evaluate(new Evaluation(e.source(), mirrored, e.data(), e.reference(), e.mixture(), e.rng()));
        assertEquals(0.0, columns.get("accuracy"));
        assertEquals(1.0, columns.get("baseline_no_transport"));
    }
}
