package org.example.moons;

import java.util.random.RandomGenerator;
import com.google.inject.Inject;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * Two interleaving half circles in 2-D (scikit-learn's {@code make_moons}): the upper moon
 * {@code (cos t, sin t)} and the lower {@code (1 - cos t, 1/2 - sin t)}, {@code t ~ U(0, pi)}, plus
 * {@code N(0, noise^2 I)}; each point labelled with its moon. Select it with {@code data=two-moons}.
 */
public final class TwoMoonsLaw implements Law {

    /** The name this law is registered under. */
    public static final String NAME = "two-moons";

    public static final Setting<Double> NOISE = Setting.number("law.noise", 0.1).atLeast(0)
            .describe("std of the Gaussian noise added to each coordinate");
    /** The keys, declared under the law prefix and read under the role's ({@code data.noise}). */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "two moons", NOISE);

    private final double noise;

    @Inject
    public TwoMoonsLaw(Settings settings) {
        this.noise = settings.get(NOISE);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public boolean labelled() {
        return true;
    }

    @Override
    public Sample sample(int m, RandomGenerator rng) {
        float[] xy = new float[2 * m];
        int[] moon = new int[m];
        for (int i = 0; i < m; i++) {
            double t = Math.PI * rng.nextDouble();
            moon[i] = rng.nextInt(2);
            double x = moon[i] == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = moon[i] == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            xy[2 * i] = (float) (x + noise * gaussian(rng));
            xy[2 * i + 1] = (float) (y + noise * gaussian(rng));
        }
        return new Sample(Nd4j.create(xy, new long[] {m, 2}, 'c'), moon);
    }

    private static double gaussian(RandomGenerator rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
