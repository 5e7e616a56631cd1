package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Mixture;
import org.wasserflow.ot.Points;

/**
 * {@code mode-stats}: the shape of each generated mode against the same mode of the data, for a mixture data
 * law, so that every statistic has a meaningful zero (or one) whatever the truncation at the radius. The
 * generated and the data points are assigned to their nearest centre when high quality (the radius of
 * {@code modes}, {@link ModeAssignment}); for each mode k with at least two such points in both:
 * <ul>
 *   <li>{@code offset_k = |mean(generated_k) - mean(data_k)|}, how far the generated blob is displaced;</li>
 *   <li>{@code ratio_k = rms(generated_k) / rms(data_k)}, rms the root mean square distance of a mode's points to
 *       their own mean: below 1 for blobs too tight, above 1 for blobs too wide.</li>
 * </ul>
 * Columns {@code mode_offset_mean} and {@code mode_offset_max} (over the compared modes),
 * {@code mode_std_ratio_mean} and {@code mode_std_ratio_min}, and each again with the suffix {@code _floor}: the
 * same statistic of the reference set against the data, what a perfect generator scores on sets of this size
 * (offsets of a few {@code std / sqrt(n / modes)}, ratios near 1). A generator whose blobs sit 0.15 from the
 * centres with 0.3 of the std scores offsets near 0.15 and ratios near 0.3 while {@code hq_fraction} is 1.
 * The statistics are NaN when no mode has two high-quality points in both sets (a collapsed generator); the
 * floors are cached per set of fixed evaluation sets. Needs the mixture. Inputs are not modified.
 */
public final class ModeStatsMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "mode-stats";

    private static final String[] COLUMNS = {"mode_offset_mean", "mode_offset_max", "mode_std_ratio_mean", "mode_std_ratio_min"};

    private final FixedSetCache<Moments> data = new FixedSetCache<>();
    private final FixedSetCache<double[]> floor = new FixedSetCache<>();

    @Inject
    public ModeStatsMetric() {
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        Mixture mixture = e.mixture().orElseThrow(() -> new IllegalArgumentException(NAME + " needs a mixture data law"));
        double radius = ModeAssignment.radius(mixture);
        Moments x = data.get(() -> Moments.of(Points.flat(e.data().points()), mixture, radius), e.data());
        double[] generated = Moments.of(Points.flat(e.generated()), mixture, radius).against(x);
        double[] reference = floor.get(() -> Moments.of(Points.flat(e.reference().points()), mixture, radius).against(x),
                e.reference(), e.data());
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < COLUMNS.length; c++) {
            out.put(COLUMNS[c], generated[c]);
        }
        for (int c = 0; c < COLUMNS.length; c++) {
            out.put(COLUMNS[c] + "_floor", reference[c]);
        }
        return out;
    }

    /** Per-mode counts, means {@code [k][d]} and rms distances to the mean of the high-quality points. */
    record Moments(int[] counts, double[][] means, double[] rms) {

        static Moments of(double[] points, Mixture mixture, double radius) {
            int d = mixture.dimension();
            int modes = mixture.modes();
            int[] mode = ModeAssignment.assign(points, mixture, radius);
            int[] counts = ModeAssignment.counts(mode, modes);
            double[][] means = new double[modes][d];
            for (int i = 0; i < mode.length; i++) {
                if (mode[i] == ModeAssignment.NONE) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    means[mode[i]][j] += points[i * d + j] / counts[mode[i]];
                }
            }
            double[] rms = new double[modes];
            for (int i = 0; i < mode.length; i++) {
                if (mode[i] == ModeAssignment.NONE) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    double diff = points[i * d + j] - means[mode[i]][j];
                    rms[mode[i]] += diff * diff / counts[mode[i]];
                }
            }
            for (int k = 0; k < modes; k++) {
                rms[k] = Math.sqrt(rms[k]);
            }
            return new Moments(counts, means, rms);
        }

        /** Mean and max offset, mean and min std ratio against {@code data}, over the modes with two points in both. */
        double[] against(Moments data) {
            double offsetSum = 0;
            double offsetMax = 0;
            double ratioSum = 0;
            double ratioMin = Double.POSITIVE_INFINITY;
            int compared = 0;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] < 2 || data.counts[k] < 2) {
                    continue;
                }
                double s = 0;
                for (int j = 0; j < means[k].length; j++) {
                    double diff = means[k][j] - data.means[k][j];
                    s += diff * diff;
                }
                double offset = Math.sqrt(s);
                double ratio = rms[k] / data.rms[k];
                offsetSum += offset;
                offsetMax = Math.max(offsetMax, offset);
                ratioSum += ratio;
                ratioMin = Math.min(ratioMin, ratio);
                compared++;
            }
            if (compared == 0) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            }
            return new double[] {offsetSum / compared, offsetMax, ratioSum / compared, ratioMin};
        }
    }
}
