package org.wasserflow.problems.laws;

import java.util.random.RandomGenerator;
import com.google.inject.Inject;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The 2-D Swiss roll of the GAN toy benchmarks: {@code t ~ U(1.5 pi, 4.5 pi)}, the point
 * {@code (t cos t, t sin t) / scale} plus {@code N(0, noise^2 I)}; with the defaults, the
 * {@code make_swiss_roll(noise=0.25)} roll divided by 7.5 used by Gulrajani et al. (2017).
 */
public final class SwissRollLaw implements Law {

    /** The name this law is registered under. */
    public static final String NAME = "swiss-roll";

    public static final Setting<Double> NOISE = Setting.number("law.noise", 0.25).atLeast(0)
            .describe("std of the Gaussian noise added to each coordinate, before scaling");
    public static final Setting<Double> SCALE = Setting.number("law.scale", 7.5).positive().describe("the roll is divided by it");
    /** Its keys, under the role's prefix. */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "Swiss roll", NOISE, SCALE);

    private final double noise;
    private final double scale;

    @Inject
    public SwissRollLaw(Settings settings) {
        this.noise = settings.get(NOISE);
        this.scale = settings.get(SCALE);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public Sample sample(int m, RandomGenerator rng) {
        return Sample.of(Draws.planar(m, rng, (rnd, xy) -> {
            double t = 1.5 * Math.PI * (1 + 2 * rnd.nextDouble());
            xy[0] = (t * Math.cos(t) + noise * Draws.normal(rnd)) / scale;
            xy[1] = (t * Math.sin(t) + noise * Draws.normal(rnd)) / scale;
        }));
    }
}
