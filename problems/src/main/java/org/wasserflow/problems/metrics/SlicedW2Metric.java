package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Metric;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.Points;

/**
 * {@code sliced-w2}: the sliced Wasserstein distance between the generated points Y and the data X,
 * {@code SW2 = sqrt(mean_theta W2^2(theta . Y, theta . X))} over {@code sliced_w2.projections} directions theta
 * drawn uniformly on the unit sphere (normalised Gaussian vectors) from the metric's stream, which the runner
 * derives from the run's seed and gives alike at every evaluation, so the directions are the same throughout a
 * run. Each 1-D {@code W2^2} is exact: the integral over {@code t in (0, 1)} of the squared difference of the two
 * empirical quantile functions, which are step functions, summed over their merged steps after sorting
 * ({@code mean_i (y_(i) - x_(i))^2} for equal sizes); the sets may differ in size. For a shift m of one set
 * against the other, {@code SW2^2 = E (theta . m)^2 = |m|^2 / d} as the projections grow. Columns
 * {@code sliced_w2} and {@code sliced_w2_floor}, the same between the reference set and the data (what a perfect
 * generator scores on sets of these sizes); the data's sorted projections and the floor are cached per set of
 * fixed evaluation sets and directions. Unlike exact W2, whose sampling error between two sets of 2000 points
 * in 10-D hides the modes of a mixture displaced by one std, each projection is a 1-D problem whose sampling error
 * falls as {@code 1 / sqrt(n)} in any dimension. Cost {@code O(P (n + m) (d + log(n + m)))}; inputs are not
 * modified.
 */
public final class SlicedW2Metric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "sliced-w2";

    public static final Setting<Integer> PROJECTIONS = Setting.integer("sliced_w2.projections", 128).atLeast(1)
            .describe("random directions the sliced W2 metric averages over (drawn once per run from its seed)");
    /** Its keys. */
    public static final SettingGroup GROUP = SettingGroup.of("sliced_w2", "sliced W2 metric", PROJECTIONS);

    /** The data's sorted projections and the floor, for one set of directions. */
    private record Prepared(double[][] data, double floor) { }

    private final int projections;
    private final FixedSetCache<Prepared> prepared = new FixedSetCache<>();

    @Inject
    public SlicedW2Metric(Settings settings) {
        this.projections = settings.get(PROJECTIONS);
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        int d = (int) e.data().points().columns();
        double[] directions = directions(projections, d, e.rng());
        Prepared p = prepared.keyed(directions, () -> {
            double[][] x = sortedProjections(e.data().points(), directions);
            return new Prepared(x, distance(sortedProjections(e.reference().points(), directions), x));
        }, e.data(), e.reference());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("sliced_w2", distance(sortedProjections(e.generated(), directions), p.data()));
        out.put("sliced_w2_floor", p.floor());
        return out;
    }

    /** {@code count} unit vectors of dimension d, row-major {@code [count, d]}, uniform on the sphere. */
    static double[] directions(int count, int d, RandomGenerator rng) {
        double[] out = new double[count * d];
        for (int p = 0; p < count; p++) {
            double norm = 0;
            while (norm == 0) {
                for (int j = 0; j < d; j++) {
                    out[p * d + j] = rng.nextGaussian();
                    norm += out[p * d + j] * out[p * d + j];
                }
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                out[p * d + j] /= norm;
            }
        }
        return out;
    }

    /** The sliced W2 between points {@code [n, d]} and {@code [m, d]} over row-major directions {@code [P, d]}. */
    public static double sliced(INDArray y, INDArray x, double[] directions) {
        return distance(sortedProjections(y, directions), sortedProjections(x, directions));
    }

    /** {@code [P][n]}: each direction's projections of the points, sorted. */
    static double[][] sortedProjections(INDArray points, double[] directions) {
        int d = (int) points.columns();
        int n = (int) points.rows();
        if (directions.length % d != 0) {
            throw new IllegalArgumentException("directions of dimension " + d + " expected, got " + directions.length + " values");
        }
        double[] flat = Points.flat(points);
        double[][] out = new double[directions.length / d][n];
        for (int p = 0; p < out.length; p++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += flat[i * d + j] * directions[p * d + j];
                }
                out[p][i] = s;
            }
            Arrays.sort(out[p]);
        }
        return out;
    }

    private static double distance(double[][] y, double[][] x) {
        double sum = 0;
        for (int p = 0; p < y.length; p++) {
            sum += squared1d(y[p], x[p]);
        }
        return Math.sqrt(sum / y.length);
    }

    /**
     * The exact {@code W2^2} between the uniform empirical laws of two sorted samples of sizes n and m: the
     * quantile functions are constant on steps of {@code 1/n} and {@code 1/m}, and the integral of their squared
     * difference is summed over the merged steps, counted in units of {@code 1/(n m)} so that no rounding enters
     * the step widths.
     */
    static double squared1d(double[] y, double[] x) {
        int n = y.length;
        int m = x.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("sliced-w2 needs points in both sets, got " + n + " and " + m);
        }
        long t = 0;
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            long endY = (long) (i + 1) * m;
            long endX = (long) (j + 1) * n;
            long end = Math.min(endY, endX);
            double diff = y[i] - x[j];
            sum += diff * diff * (end - t);
            t = end;
            i += endY == end ? 1 : 0;
            j += endX == end ? 1 : 0;
        }
        return sum / ((double) n * m);
    }

    /**
     * The largest buffers at the evaluation sizes ({@code n} generated, {@code m} data points of dimension {@code d},
     * {@code P} projections): the sorted projections of the data, the generated and the reference points, {@code
     * 8 P (m + 2n)} bytes, and the flat double copies of the sets, {@code 8 (n + m) d}.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long p = settings.get(PROJECTIONS);
        long n = shape.evalSource();
        long m = shape.evalData();
        return List.of(new MemoryPart("the sliced-w2 metric's projections", PROJECTIONS.key(),
                8 * p * (m + 2 * n) + 8 * (n + m) * shape.dimension(), 0, p * Math.max(n, m)));
    }
}
