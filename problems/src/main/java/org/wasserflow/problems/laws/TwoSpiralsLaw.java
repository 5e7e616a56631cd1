package org.wasserflow.problems.laws;

import java.util.random.RandomGenerator;
import com.google.inject.Inject;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The two interleaved spirals of the FFJORD / RealNVP toy set ({@code 2spirals} of Grathwohl et al. 2019). Each
 * point draws {@code u ~ U(0, 1)}, the angle {@code r = sqrt(u) * turns * 2 pi} and the point
 * {@code p = (-cos(r) r + jitter u1, sin(r) r + jitter u2)} with {@code u1, u2 ~ U(0, 1)}; with probability 1/2 it
 * is negated (the second arm); then it is divided by {@code scale} and {@code N(0, noise^2 I)} is added. With the
 * defaults ({@code turns=1.5}, {@code jitter=0.5}, {@code scale=3}, {@code noise=0.1}) this is the reference
 * {@code n = sqrt(rand) * 540 * 2pi / 360; d1 = (-cos(n) n + rand * 0.5, sin(n) n + rand * 0.5);
 * x = vstack(d1, -d1) / 3 + randn * 0.1}, except that the arm is drawn per point rather than half and half; the
 * uniform jitter is added before the negation, so the second arm's jitter points the other way, as in the
 * reference. The law is symmetric under {@code x -> -x} and lies in about {@code [-4, 4]^2}.
 */
public final class TwoSpiralsLaw implements Law {

    /** The name this law is registered under. */
    public static final String NAME = "two-spirals";

    public static final Setting<Double> TURNS = Setting.number("law.turns", 1.5).positive()
            .describe("turns of each arm: the angle runs up to turns * 2 pi (1.5 = the reference's 540 degrees)");
    public static final Setting<Double> JITTER = Setting.number("law.jitter", 0.5).atLeast(0)
            .describe("width of the U(0, jitter) added to each coordinate of the first arm, before the negation and scaling");
    public static final Setting<Double> SCALE = Setting.number("law.scale", 3.0).positive().describe("the spirals are divided by it");
    public static final Setting<Double> NOISE = Setting.number("law.noise", 0.1).atLeast(0)
            .describe("std of the Gaussian noise added to each coordinate, after scaling");
    /** Its keys, under the role's prefix. */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "two spirals", TURNS, JITTER, SCALE, NOISE);

    private final double turns;
    private final double jitter;
    private final double scale;
    private final double noise;

    @Inject
    public TwoSpiralsLaw(Settings settings) {
        this.turns = settings.get(TURNS);
        this.jitter = settings.get(JITTER);
        this.scale = settings.get(SCALE);
        this.noise = settings.get(NOISE);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public Sample sample(int m, RandomGenerator rng) {
        double end = turns * 2 * Math.PI;
        return Sample.of(Draws.planar(m, rng, (rnd, xy) -> {
            double r = Math.sqrt(rnd.nextDouble()) * end;
            double x = -Math.cos(r) * r + jitter * rnd.nextDouble();
            double y = Math.sin(r) * r + jitter * rnd.nextDouble();
            double sign = rnd.nextBoolean() ? 1 : -1;
            xy[0] = sign * x / scale + noise * Draws.normal(rnd);
            xy[1] = sign * y / scale + noise * Draws.normal(rnd);
        }));
    }
}
