package org.wasserflow.runners.experiment;

import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The Gaussians-on-a-ring benchmark (Metz et al. 2017), read from the {@code ring.*} keys ({@link #GROUP}).
 *
 * @param modes number of Gaussians
 * @param radius radius of the ring of centres
 * @param std per-coordinate std of each Gaussian
 * @param sourceStd std of the 2-D Gaussian source
 * @param evalSize generated and data samples in the evaluation
 */
public record RingConfig(int modes, double radius, double std, double sourceStd, int evalSize) {

    public static final Setting<Integer> MODES = Setting.integer("ring.modes", 8).atLeast(1).describe("number of Gaussians");
    public static final Setting<Double> RADIUS = Setting.number("ring.radius", 1).atLeast(0).describe("radius of the ring of centres");
    public static final Setting<Double> STD = Setting.number("ring.std", 0.1).positive().describe("per-coordinate std of each Gaussian");
    public static final Setting<Double> SOURCE_STD = Setting.number("ring.source_std", 0.05).positive()
            .describe("std of the 2-D Gaussian source");
    public static final Setting<Integer> EVAL_SIZE = Setting.integer("ring.eval_size", 2000).atLeast(8)
            .describe("generated and data samples in each evaluation (and in the floors)");

    /** The {@code ring.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("ring", "Gaussians on a ring", MODES, RADIUS, STD, SOURCE_STD, EVAL_SIZE);

    /** Reads the {@code ring.*} keys. */
    public static RingConfig from(Settings s) {
        return new RingConfig(s.get(MODES), s.get(RADIUS), s.get(STD), s.get(SOURCE_STD), s.get(EVAL_SIZE));
    }
}
