package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.Points;

/**
 * {@code modes}: sample quality and mode coverage of the generated points against the data's {@link Modes} (a
 * mixture data law's components, or the labels of labelled evaluation data), in any dimension (VEEGAN,
 * Srivastava et al. 2017, generalised). Columns:
 * <ul>
 *   <li>{@code hq_fraction}: the fraction of generated points that are high quality, i.e. within the radius
 *       {@code std sqrt(q_d)} of their nearest centre, {@code q_d} the chi-square(d) quantile at
 *       {@code 1 - exp(-4.5)} (3 std in 2-D; see {@link ModeAssignment}); a sample of the mixture itself scores
 *       about 0.989 in every dimension (labelled data scores that only where its classes are Gaussian-like);</li>
 *   <li>{@code modes_covered}: the number of modes that receive at least {@code modes.share} (default a
 *       quarter) of their fair share {@code n / modes} of the n generated points as high-quality points;</li>
 *   <li>{@code mode_weight_tv}: the total variation distance between the modes' shares of the high-quality
 *       generated points and their shares of the high-quality data points, {@code 0.5 sum_k |p_k - q_k|}: 0 when
 *       every mode gets its data share, 1 with no high-quality point. Each unit of it adds about the squared distance
 *       between neighbouring modes to W2 squared, far more than a blob's shape costs when the modes are tight.</li>
 * </ul>
 * None of them sees blobs that are displaced within the radius or too tight: {@code mode-stats} does.
 * Needs modes ({@link org.wasserflow.api.Capability#MODES}). Its verdict: {@code 8/8 modes, 95% high quality}. Inputs are not modified.
 */
public final class ModesMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "modes";

    public static final Setting<Double> SHARE = Setting.number("modes.share", 0.25).between(0, 1, true, false)
            .describe("a mode is covered when it gets at least this fraction of its fair share n / modes of high-quality samples");
    /** Its keys. */
    public static final SettingGroup GROUP = SettingGroup.of("modes", "mode coverage metric", SHARE);

    private final double share;
    private final FixedSetCache<Modes> modes = new FixedSetCache<>();
    private final FixedSetCache<double[]> dataShares = new FixedSetCache<>();
    /** The number of modes of the last evaluation, for the verdict; 0 before the first. */
    private volatile int lastModes;

    @Inject
    public ModesMetric(Settings settings) {
        this.share = settings.get(SHARE);
    }

    /** More high-quality points and more modes covered are better; a smaller weight distance is better. */
    @Override
    public Better better(String column) {
        return column.equals("hq_fraction") || column.equals("modes_covered") ? Better.HIGHER : Better.LOWER;
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        Modes m = modes.get(() -> Modes.of(e, NAME), e.data(), e.mixture().orElse(null));
        int[] mode = ModeAssignment.assign(Points.flat(e.generated()), m);
        int[] counts = ModeAssignment.counts(mode, m.count());
        lastModes = m.count();
        int n = mode.length;
        int hq = 0;
        int covered = 0;
        for (int count : counts) {
            hq += count;
            covered += count * (double) m.count() >= share * n ? 1 : 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("hq_fraction", n == 0 ? 0.0 : (double) hq / n);
        out.put("modes_covered", (double) covered);
        double[] q = dataShares.get(() -> shares(ModeAssignment.counts(ModeAssignment.assign(Points.flat(e.data().points()), m), m.count())),
                e.data(), e.mixture().orElse(null));
        double[] p = shares(counts);
        double tv = 0;
        for (int k = 0; k < q.length; k++) {
            tv += 0.5 * Math.abs(p[k] - q[k]);
        }
        out.put("mode_weight_tv", hq == 0 ? 1.0 : tv);
        return out;
    }

    /** Counts as fractions of their sum (all zero for no count). */
    private static double[] shares(int[] counts) {
        double total = java.util.Arrays.stream(counts).sum();
        double[] out = new double[counts.length];
        for (int k = 0; k < counts.length && total > 0; k++) {
            out[k] = counts[k] / total;
        }
        return out;
    }

    /** {@code 8/8 modes, 95% high quality}: modes covered of the modes, and the high-quality fraction. */
    @Override
    public Optional<String> verdict(String name, Map<String, Double> row) {
        Double covered = row.get("modes_covered");
        Double hq = row.get("hq_fraction");
        if (covered == null || hq == null) {
            return Optional.empty();
        }
        String of = lastModes > 0 ? "/" + lastModes + " modes" : " modes covered";
        return Optional.of(String.format(Locale.ROOT, "%d%s, %.0f%% high quality", Math.round(covered), of, 100 * hq));
    }
}
