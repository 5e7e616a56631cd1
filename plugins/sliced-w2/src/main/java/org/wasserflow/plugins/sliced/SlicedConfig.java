package org.wasserflow.plugins.sliced;

import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The sliced potential, read from the {@code sliced.*} keys.
 *
 * @param directions {@code sliced.directions}: random directions drawn per velocity evaluation, default 50
 */
public record SlicedConfig(int directions) {

    public SlicedConfig {
        ConfigException.require(directions >= 1, "sliced.directions", directions, "an integer >= 1");
    }

    /** Reads and validates the {@code sliced.*} keys. */
    public static SlicedConfig from(Settings s) {
        return new SlicedConfig(s.getInt("sliced.directions", 50));
    }
}
