package org.wasserflow.problems.metrics;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.ot.CostMatrix;

/**
 * {@code energy}: the energy distance (Szekely and Rizzo) between the generated points Y and the data X,
 * {@code 2 E|X - Y| - E|X - X'| - E|Y - Y'|}, estimated by the V-statistic: every expectation is the mean over
 * all pairs of the two empirical sets, the pairs {@code i = j} included within a set. The V-statistic is the
 * energy distance between the two empirical laws themselves, so it is never negative and is exactly 0 for
 * identical sets (the U-statistic, which drops {@code i = j}, is unbiased but can be negative). It is the squared
 * MMD for the kernel {@code -|x - y|}, in units of length, and the sets may differ in size. Columns
 * {@code energy} and {@code energy_floor}, the same statistic between the reference set and the data (what a
 * perfect generator scores on sets of these sizes: its expectation is {@code E|X - X'| (1/n + 1/m)}, the
 * V-statistic's bias, not 0). The floor and the data's self term are cached per set of fixed evaluation sets.
 * Rounding below 0 is clamped to 0.
 * Pairwise distances by matrix products in double precision ({@link CostMatrix#meanDistance}): {@code O(n m d)}. Inputs are
 * not modified.
 */
public final class EnergyMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "energy";

    private final FixedSetCache<Double> dataSelf = new FixedSetCache<>();
    private final FixedSetCache<Double> floor = new FixedSetCache<>();

    @Inject
    public EnergyMetric() {
    }

    /** The distance: lower is better; its floor is a reference. */
    @Override
    public Better better(String column) {
        return column.equals(NAME + "_floor") ? Better.NEITHER : Better.LOWER;
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        INDArray x = e.data().points();
        double xx = dataSelf.get(() -> CostMatrix.meanDistance(x, x), e.data());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(NAME, distance(e.generated(), x, xx));
        out.put(NAME + "_floor", floor.get(() -> distance(e.reference().points(), x, xx), e.reference(), e.data()));
        return out;
    }

    /** The V-statistic energy distance between the clouds {@code y} and {@code x} ({@code [n, d]}, {@code [m, d]}). */
    public static double energy(INDArray y, INDArray x) {
        return distance(y, x, CostMatrix.meanDistance(x, x));
    }

    private static double distance(INDArray y, INDArray x, double xx) {
        double e = 2 * CostMatrix.meanDistance(y, x) - CostMatrix.meanDistance(y, y) - xx;
        return Math.max(0, e);
    }

    /** Its memory: two blocks of 512 rows of double distances to the larger set, and both clouds as doubles, off-heap. */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long n = shape.largerEval();
        return List.of(new MemoryPart("the energy metric's distance blocks", shape.largerEvalKey(), 0,
                2 * 8 * 512 * n + 8L * (shape.evalSource() + shape.evalData()) * shape.dimension(), 0));
    }
}
