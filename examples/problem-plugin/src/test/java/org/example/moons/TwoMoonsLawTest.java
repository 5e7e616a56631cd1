package org.example.moons;

import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.LawContract;

/** The two-moons law against wasserflow's contract kit, and its geometry. */
class TwoMoonsLawTest extends LawContract {

    @Override
    protected Plugin plugin() {
        return MoonsModule.TWO_MOONS;
    }

    @Override
    protected Law create(Settings settings) {
        return new TwoMoonsLaw(settings);
    }

    @Test
    void withoutNoiseThePointsLieOnTheirUnitHalfCircles() {
        Sample s = new TwoMoonsLaw(Settings.of(Map.of("law.noise", "0"), MoonsModule.TWO_MOONS.settings())).sample(200, new SplittableRandom(4));
        int[] moon = s.labels();
        for (int i = 0; i < 200; i++) {
            double x = s.points().getDouble(i, 0);
            double y = s.points().getDouble(i, 1);
            double cx = moon[i] == 0 ? 0 : 1;
            double cy = moon[i] == 0 ? 0 : 0.5;
            assertEquals(1.0, Math.hypot(x - cx, y - cy), 1e-5, "point " + i);
            assertTrue(moon[i] == 0 ? y >= -1e-6 : y <= 0.5 + 1e-6, "the upper moon above its centre, the lower below");
        }
    }
}
