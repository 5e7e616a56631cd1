package org.wasserflow.plugins.sliced;

import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The sliced potential, read from the {@code sliced.*} keys ({@link #GROUP}).
 *
 * @param directions random directions per velocity evaluation
 * @param redrawEachCall whether the directions are drawn afresh at every evaluation (else once, at the first)
 */
public record SlicedConfig(int directions, boolean redrawEachCall) {

    public static final Setting<Integer> DIRECTIONS = Setting.integer("sliced.directions", 50).atLeast(1)
            .describe("random directions per velocity evaluation");
    public static final Setting<String> REDRAW = Setting.choice("sliced.redraw", "each-call", "each-call", "once")
            .describe("each-call: fresh directions at every evaluation (the sliced W2 flow); once: fixed slices drawn at the first");

    /** The {@code sliced.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("sliced", "sliced W2 potential", DIRECTIONS, REDRAW);

    /** Reads the {@code sliced.*} keys. */
    public static SlicedConfig from(Settings s) {
        return new SlicedConfig(s.get(DIRECTIONS), s.get(REDRAW).equals("each-call"));
    }
}
