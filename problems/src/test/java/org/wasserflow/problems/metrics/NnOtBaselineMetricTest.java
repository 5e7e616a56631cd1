package org.wasserflow.problems.metrics;

import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.MetricContract;
import org.wasserflow.problems.ProblemsModule;

class NnOtBaselineMetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.NN_OT_BASELINE;
    }

    @Override
    protected Metric create(Settings settings) {
        return new NnOtBaselineMetric();
    }

    @Override
    protected Set<String> columnPrefixes() {
        return Set.of("baseline_");
    }

    @Override
    protected Evaluation evaluation() {
        return NnAccuracyMetricTest.transfer(Fixtures.clusters(60, 5, new SplittableRandom(60)), 3.0, 5);
    }

    /** The exact assignment between a cloud and its translate matches every point with its own translate. */
    @Test
    void aSourceThatIsATranslateOfTheReferenceTransfersPerfectly() {
        Sample reference = Fixtures.clusters(60, 3, new SplittableRandom(61));
        Sample source = new Sample(Fixtures.translate(reference.points(), 1.5, -3, 0.5), reference.labels());
        Sample data = Fixtures.clusters(90, 3, new SplittableRandom(62));
        Evaluation e = new Evaluation(source, source.points(), data, reference, Optional.empty(), new SplittableRandom(63));
        assertEquals(1.0, new NnOtBaselineMetric().evaluate(e).get("baseline_exact_ot"));
    }

    @Test
    void aSourceLabelledAgainstItsTranslateTransfersNothing() {
        Sample reference = Fixtures.clusters(60, 3, new SplittableRandom(64));
        int[] swapped = reference.labels();
        for (int i = 0; i < swapped.length; i++) {
            swapped[i] = 1 - swapped[i];
        }
        Sample source = new Sample(Fixtures.translate(reference.points(), 1.5, -3, 0.5), swapped);
        Sample data = Fixtures.clusters(90, 3, new SplittableRandom(65));
        Evaluation e = new Evaluation(source, source.points(), data, reference, Optional.empty(), new SplittableRandom(66));
        assertEquals(0.0, new NnOtBaselineMetric().evaluate(e).get("baseline_exact_ot"));
    }
}
