package org.wasserflow.problems.metrics;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;

/**
 * {@code nn-accuracy}: 1-NN transfer accuracy, as in the USPS to MNIST experiment. A 1-nearest-neighbour
 * classifier (Euclidean) is fitted on the generated points {@code G(source)} with the source labels and scored
 * on the data points with their labels: column {@code accuracy}. Column {@code baseline_no_transport} is the same
 * classifier fitted on the raw source points, what no transport at all scores; it depends only on the fixed
 * sets and is cached. Needs labels on both sets, and source and data of one dimension (the runner checks
 * that). Inputs are not modified.
 */
public final class NnAccuracyMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "nn-accuracy";

    private final FixedSetCache<Double> baseline = new FixedSetCache<>();

    @Inject
    public NnAccuracyMetric() {
    }

    /** A higher {@code accuracy} is better; {@code baseline_no_transport} is a fixed reference. */
    @Override
    public Better better(String column) {
        return switch (column) {
            case "accuracy" -> Better.HIGHER;
            case "baseline_no_transport" -> Better.NEITHER;
            default -> Better.LOWER;
        };
    }

    /**
     * {@code 1-NN accuracy 0.812 (no transport 0.342)}, with {@code , exact OT 0.456} when the
     * {@code nn-ot-baseline} metric's column is in the row.
     */
    @Override
    public Optional<String> verdict(String name, Map<String, Double> row) {
        Double accuracy = row.get("accuracy");
        if (accuracy == null) {
            return Optional.empty();
        }
        Double exact = row.get(NnOtBaselineMetric.COLUMN);
        return Optional.of(String.format(Locale.ROOT, "1-NN accuracy %.3f (no transport %.3f%s)", accuracy,
                row.get("baseline_no_transport"), exact == null ? "" : String.format(Locale.ROOT, ", exact OT %.3f", exact)));
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        int[] sourceLabels = labels(e.source().labels(), "source");
        int[] dataLabels = labels(e.data().labels(), "data");
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", new NearestNeighbour(e.generated(), sourceLabels).accuracy(e.data().points(), dataLabels));
        out.put("baseline_no_transport", baseline.get(
                () -> new NearestNeighbour(e.source().points(), sourceLabels).accuracy(e.data().points(), dataLabels),
                e.source(), e.data()));
        return out;
    }

    /** {@code labels}, or a failure naming the set that lacks them. */
    static int[] labels(int[] labels, String set) {
        if (labels == null) {
            throw new IllegalArgumentException("1-NN accuracy needs labels on the " + set + " set");
        }
        return labels;
    }

    /** Its memory: two blocks of 1024 rows of double distances over the source set, off-heap. */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        return List.of(new MemoryPart("the nn-accuracy metric's distance blocks", RunShape.EVAL_SOURCE, 0,
                2 * 8 * 1024L * shape.evalSource(), 0));
    }
}
