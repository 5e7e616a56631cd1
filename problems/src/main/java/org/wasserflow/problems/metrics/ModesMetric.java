package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Mixture;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.Points;

/**
 * {@code modes}: sample quality and mode coverage of the generated points against a mixture data law, in any
 * dimension (VEEGAN, Srivastava et al. 2017, generalised). Columns:
 * <ul>
 *   <li>{@code hq_fraction}: the fraction of generated points that are high quality, i.e. within the radius
 *       {@code std sqrt(q_d)} of their nearest centre, {@code q_d} the chi-square(d) quantile at
 *       {@code 1 - exp(-4.5)} (3 std in 2-D; see {@link ModeAssignment}); a sample of the mixture itself scores
 *       about 0.989 in every dimension;</li>
 *   <li>{@code modes_covered}: the number of modes that receive at least {@code modes.share} (default a
 *       quarter) of their fair share {@code n / modes} of the n generated points as high-quality points.</li>
 * </ul>
 * Neither column sees blobs that are displaced within the radius or too tight: {@code mode-stats} does.
 * Needs the mixture. Inputs are not modified.
 */
public final class ModesMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "modes";

    public static final Setting<Double> SHARE = Setting.number("modes.share", 0.25).between(0, 1, true, false)
            .describe("a mode is covered when it gets at least this fraction of its fair share n / modes of high-quality samples");
    /** Its keys. */
    public static final SettingGroup GROUP = SettingGroup.of("modes", "mode coverage metric", SHARE);

    private final double share;

    @Inject
    public ModesMetric(Settings settings) {
        this.share = settings.get(SHARE);
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        Mixture mixture = e.mixture().orElseThrow(() -> new IllegalArgumentException(NAME + " needs a mixture data law"));
        int[] mode = ModeAssignment.assign(Points.flat(e.generated()), mixture, ModeAssignment.radius(mixture));
        int[] counts = ModeAssignment.counts(mode, mixture.modes());
        int n = mode.length;
        int hq = 0;
        int covered = 0;
        for (int count : counts) {
            hq += count;
            covered += count * (double) mixture.modes() >= share * n ? 1 : 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("hq_fraction", n == 0 ? 0.0 : (double) hq / n);
        out.put("modes_covered", (double) covered);
        return out;
    }
}
