package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.ot.Points;

/**
 * {@code mode-stats}: the shape of each generated mode against the same mode of the data, for the data's
 * {@link Modes} (a mixture data law's components, or the labels of labelled evaluation data: each label's mean
 * and spread as its mode), so that every statistic has a meaningful zero (or one) whatever the truncation at the
 * radius. The generated and the data points are assigned to their nearest centre when high quality (the radius
 * of {@code modes}, {@link ModeAssignment}); for each mode k with at least two such points in both:
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
 * floors are cached per set of fixed evaluation sets. Needs modes ({@link org.wasserflow.api.Capability#MODES}). Inputs are not modified.
 *
 * <p>Its verdict: {@code modes 0.64 as wide as the data (too narrow), centres 5.2x their floor offset}, from
 * {@code mode_std_ratio_mean} (too narrow below {@value #NARROW}, too wide above {@value #WIDE}, else about as
 * wide as the data) and {@code mode_offset_mean} against its floor ({@link Metric#againstFloor}).
 */
public final class ModeStatsMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "mode-stats";

    private static final String[] COLUMNS = {"mode_offset_mean", "mode_offset_max", "mode_std_ratio_mean", "mode_std_ratio_min"};

    /** A mean std ratio below this is {@code too narrow} in the verdict. */
    static final double NARROW = 0.9;

    /** A mean std ratio above this is {@code too wide} in the verdict. */
    static final double WIDE = 1.1;

    private final FixedSetCache<Modes> modes = new FixedSetCache<>();
    private final FixedSetCache<Moments> data = new FixedSetCache<>();
    private final FixedSetCache<double[]> floor = new FixedSetCache<>();

    @Inject
    public ModeStatsMetric() {
    }

    /** Offsets: lower is better; the std ratios' target is 1, and the floors are references: neither. */
    @Override
    public Better better(String column) {
        boolean own = column.startsWith("mode_offset_") || column.startsWith("mode_std_ratio_");
        return !own || column.startsWith("mode_offset_") && !column.endsWith("_floor") ? Better.LOWER : Better.NEITHER;
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        Modes m = modes.get(() -> Modes.of(e, NAME), e.data(), e.mixture().orElse(null));
        Moments x = data.get(() -> Moments.of(Points.flat(e.data().points()), m), m);
        double[] generated = Moments.of(Points.flat(e.generated()), m).against(x);
        double[] reference = floor.get(() -> Moments.of(Points.flat(e.reference().points()), m).against(x), e.reference(), x);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < COLUMNS.length; c++) {
            out.put(COLUMNS[c], generated[c]);
        }
        for (int c = 0; c < COLUMNS.length; c++) {
            out.put(COLUMNS[c] + "_floor", reference[c]);
        }
        return out;
    }

    @Override
    public Optional<String> verdict(String name, Map<String, Double> row) {
        Double ratio = row.get("mode_std_ratio_mean");
        Double offset = row.get("mode_offset_mean");
        Double offsetFloor = row.get("mode_offset_mean_floor");
        if (ratio == null || offset == null || offsetFloor == null) {
            return Optional.empty();
        }
        if (Double.isNaN(ratio)) {
            return Optional.of("no mode has two high-quality points");
        }
        String width = ratio < NARROW ? " (too narrow)" : ratio > WIDE ? " (too wide)" : "";
        return Optional.of(String.format(Locale.ROOT, "modes %.2f as wide as the data%s, %s", ratio, width,
                Metric.againstFloor("centres", offset, offsetFloor).replace("its floor", "their floor offset")));
    }

    /** Per-mode counts, means {@code [k][d]} and rms distances to the mean of the high-quality points. */
    record Moments(int[] counts, double[][] means, double[] rms) {

        static Moments of(double[] points, Modes m) {
            int d = m.dimension();
            int modes = m.count();
            int[] mode = ModeAssignment.assign(points, m);
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
