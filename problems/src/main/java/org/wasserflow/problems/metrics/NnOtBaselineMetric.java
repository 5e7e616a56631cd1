package org.wasserflow.problems.metrics;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import com.google.inject.Inject;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.ot.Assignment;
import org.wasserflow.ot.EmpiricalTransport;

/**
 * {@code nn-ot-baseline}: what exact optimal transport scores at 1-NN transfer, the target that
 * {@code nn-accuracy} measures a generator against. The exact assignment for the squared Euclidean cost between
 * the source points and the reference points (a data set of the source's size) gives each source point a
 * reference point; a 1-NN classifier fitted on those reference points with the source labels is scored on the
 * data with their labels: column {@code baseline_exact_ot}. It depends only on the fixed sets, not on the
 * generator, and is computed once and cached. The assignment costs {@code O(n^3)} time and {@code n^2}
 * doubles. Needs labels on source and data, and source and data of one dimension. Inputs are not modified.
 */
public final class NnOtBaselineMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "nn-ot-baseline";

    /** Its column. */
    public static final String COLUMN = "baseline_exact_ot";

    private final FixedSetCache<Double> baseline = new FixedSetCache<>();

    @Inject
    public NnOtBaselineMetric() {
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        return Map.of(COLUMN, baseline.get(() -> compute(e), e.source(), e.reference(), e.data()));
    }

    private static double compute(Evaluation e) {
        int[] sourceLabels = NnAccuracyMetric.labels(e.source().labels(), "source");
        int[] dataLabels = NnAccuracyMetric.labels(e.data().labels(), "data");
        INDArray source = e.source().points();
        INDArray reference = e.reference().points();
        int n = (int) source.rows();
        if (reference.rows() != n) {
            throw new IllegalArgumentException("the reference set has " + reference.rows() + " points, the source " + n);
        }
        Assignment a = new EmpiricalTransport().assign(source, reference, 2);
        INDArray assigned = reference.getRows(a.rowToCol());
        return new NearestNeighbour(assigned, sourceLabels).accuracy(e.data().points(), dataLabels);
    }

    /**
     * Its memory: the source-by-reference double cost matrix on the heap and twice off-heap (product and copy), and
     * both clouds as doubles.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long s = shape.evalSource();
        return List.of(new MemoryPart("the nn-ot-baseline metric's cost matrix", RunShape.EVAL_SOURCE, 8 * s * s,
                2 * 8 * s * s + 8 * 2 * s * shape.dimension(), s * s));
    }
}
