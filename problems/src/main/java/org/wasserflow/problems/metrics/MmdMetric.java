package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Metric;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.Points;

/**
 * {@code mmd}: the maximum mean discrepancy between the generated points Y ({@code n}) and the data X
 * ({@code m}) for the Gaussian kernel {@code k(a, b) = exp(-|a - b|^2 / (2 sigma^2))}, by the unbiased estimate
 * (Gretton et al. 2012)
 * {@code MMD_u^2 = mean_{i != j} k(y_i, y_j) + mean_{i != j} k(x_i, x_j) - 2 mean_{i, j} k(y_i, x_j)}.
 * The bandwidth {@code sigma} is the median of the Euclidean distances between distinct points of the data
 * evaluation set (over all its pairs when it has at most {@value #MEDIAN_POINTS} points, else over the pairs of
 * {@value #MEDIAN_POINTS} of its rows evenly spaced in its order; the median of an even count is the mean of the
 * middle two): it depends on the data alone, so it stays fixed while the generator moves and the floor uses the
 * same kernel.
 *
 * <p>Columns {@code mmd = sqrt(max(0, MMD_u^2))}, in the units of the kernel (0 to sqrt 2), and
 * {@code mmd_floor}, the same between the reference set and the data. The unbiased estimate of a perfect
 * generator scatters around 0 (and sits slightly below it for the stratified sets of a mixture, whose components
 * are exactly balanced), so the floor is often exactly 0: compare the value with the floor by their difference,
 * not their ratio. The data's own term and the floor are cached per set of fixed evaluation sets. Cost
 * {@code O((n + m)^2 d)} per evaluation (kernel sums by blocks of squared distances, {@link PairBlocks}).
 * Inputs are not modified.
 */
public final class MmdMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "mmd";

    /** At most this many data points enter the median of the pairwise distances. */
    static final int MEDIAN_POINTS = 2000;

    /** The data's bandwidth, its own kernel mean over distinct pairs, and the floor. */
    private record Prepared(double bandwidth, double dataSelf, double floor) { }

    private final FixedSetCache<Prepared> prepared = new FixedSetCache<>();

    @Inject
    public MmdMetric() {
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        int d = (int) e.data().points().columns();
        double[] x = Points.flat(e.data().points());
        Prepared p = prepared.get(() -> {
            double sigma = medianDistance(x, d);
            double xx = selfMean(x, d, sigma);
            return new Prepared(sigma, xx, squared(Points.flat(e.reference().points()), x, d, sigma, xx));
        }, e.data(), e.reference());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(NAME, Math.sqrt(Math.max(0, squared(Points.flat(e.generated()), x, d, p.bandwidth(), p.dataSelf()))));
        out.put(NAME + "_floor", Math.sqrt(Math.max(0, p.floor())));
        return out;
    }

    /** The unbiased {@code MMD_u^2} of row-major clouds {@code y [n, d]} and {@code x [m, d]} at bandwidth {@code sigma}. */
    public static double unbiased(double[] y, double[] x, int d, double sigma) {
        return squared(y, x, d, sigma, selfMean(x, d, sigma));
    }

    private static double squared(double[] y, double[] x, int d, double sigma, double xx) {
        return selfMean(y, d, sigma) + xx - 2 * kernelSum(y, x, d, sigma) / ((double) (y.length / d) * (x.length / d));
    }

    /** {@code mean_{i != j} k(p_i, p_j)}. */
    private static double selfMean(double[] p, int d, double sigma) {
        int n = p.length / d;
        if (n < 2) {
            throw new IllegalArgumentException(NAME + " needs at least two points in each set, got " + n);
        }
        return (kernelSum(p, p, d, sigma) - n) / ((double) n * (n - 1));
    }

    /** {@code sum_{i, j} k(y_i, x_j)}. */
    private static double kernelSum(double[] y, double[] x, int d, double sigma) {
        double scale = -1 / (2 * sigma * sigma);
        double[] sum = {0};
        PairBlocks.forEach(y, x, d, (start, rows, squared) -> {
            for (double s : squared) {
                sum[0] += Math.exp(scale * s);
            }
        });
        return sum[0];
    }

    /** The median distance between distinct points of {@code x} (at most {@value #MEDIAN_POINTS} of them, evenly spaced). */
    static double medianDistance(double[] x, int d) {
        int m = x.length / d;
        int used = Math.min(m, MEDIAN_POINTS);
        if (used < 2) {
            throw new IllegalArgumentException(NAME + " needs at least two data points, got " + m);
        }
        double[] rows = new double[used * d];
        for (int r = 0; r < used; r++) {
            int i = (int) ((long) r * m / used);
            System.arraycopy(x, i * d, rows, r * d, d);
        }
        double[] distances = new double[used * (used - 1) / 2];
        int[] next = {0};
        PairBlocks.forEach(rows, rows, d, (start, count, squared) -> {
            for (int a = 0; a < count; a++) {
                for (int b = start + a + 1; b < used; b++) {
                    distances[next[0]++] = Math.sqrt(squared[a * used + b]);
                }
            }
        });
        Arrays.sort(distances);
        int h = distances.length / 2;
        double median = distances.length % 2 == 1 ? distances[h] : (distances[h - 1] + distances[h]) / 2;
        if (!(median > 0)) {
            throw new IllegalArgumentException(NAME + ": the data points coincide (median pairwise distance " + median + ")");
        }
        return median;
    }

    /**
     * The largest buffers at the evaluation sizes: a block of 512 rows of distances and its double copy, {@code
     * 16 * 512 * max(n, m)} bytes off-heap, the flat double copies of the sets, {@code 8 (n + m) d}, and, once, the
     * pairwise distances of up to {@value #MEDIAN_POINTS} data points for the median.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long n = shape.largerEval();
        long k = Math.min(shape.evalData(), MEDIAN_POINTS);
        return List.of(new MemoryPart("the mmd metric's distance blocks", shape.largerEvalKey(),
                8 * k * (k - 1) / 2 + 8L * (shape.evalSource() + shape.evalData()) * shape.dimension(), 16 * 512 * n, k * (k - 1) / 2));
    }
}
