package org.wasserflow.problems.laws;

import java.util.random.RandomGenerator;
import com.google.inject.Inject;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The checkerboard of the FFJORD / RealNVP toy set: uniform on the black squares of a board of
 * {@code squares x squares} squares of side {@code scale}, centred at the origin. Square {@code (a, b)},
 * {@code a, b = 0..squares-1}, is {@code [(a - squares/2) scale, (a + 1 - squares/2) scale) x} the same in
 * {@code b}, and is black iff {@code a + b} is even, so the corner square at {@code (-squares/2 scale, -squares/2 scale)}
 * is black. A point draws its column {@code a} uniformly, then one of the column's {@code squares/2} black squares
 * uniformly, then a uniform point of that square; every black square has weight {@code 2 / squares^2}. With the
 * defaults ({@code squares=4}, {@code scale=2}) this is the reference {@code x1 = rand * 4 - 2;
 * x2 = rand - randint(0, 2) * 2 + floor(x1) % 2; (x1, x2) * 2}: uniform on 8 squares of side 2 in
 * {@code [-4, 4)^2}. Points stay inside their half-open square after rounding to float.
 */
public final class CheckerboardLaw implements Law {

    /** The name this law is registered under. */
    public static final String NAME = "checkerboard";

    public static final Setting<Integer> SQUARES = Setting.integer("law.squares", 4)
            .constrain(v -> v >= 2 && v % 2 == 0, "an even integer >= 2").describe("squares per side of the board (half of them black)");
    public static final Setting<Double> SCALE = Setting.number("law.scale", 2.0).positive().describe("side length of a square");
    /** Its keys, under the role's prefix. */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "checkerboard", SQUARES, SCALE);

    private final int squares;
    private final double scale;

    @Inject
    public CheckerboardLaw(Settings settings) {
        this.squares = settings.get(SQUARES);
        this.scale = settings.get(SCALE);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public Sample sample(int m, RandomGenerator rng) {
        return Sample.of(Draws.planar(m, rng, (rnd, xy) -> {
            int a = rnd.nextInt(squares);
            int b = 2 * rnd.nextInt(squares / 2) + a % 2;
            xy[0] = within(a, rnd.nextDouble());
            xy[1] = within(b, rnd.nextDouble());
        }));
    }

    /** The coordinate at fraction {@code u} of square {@code k} along one axis, below the square's upper edge as a float. */
    private double within(int k, double u) {
        double low = (k - squares / 2) * scale;
        float v = (float) (low + u * scale);
        float high = (float) (low + scale);
        return v < high ? v : Math.nextDown(high);
    }
}
