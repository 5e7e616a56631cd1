package org.wasserflow.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasserflow.problems.TestLaws.refused;
import static org.wasserflow.problems.TestLaws.with;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Law;
import org.wasserflow.problems.laws.TwoSpiralsLaw;

/** The {@code two-spirals} law: its arms, radii, symmetry and balance, with the reference's defaults. */
class TwoSpiralsLawTest {

    private static final int M = 20000;
    /** The reference's end angle, 540 degrees. */
    private static final double END = 3 * Math.PI;

    private static Law spirals(String... keyValues) {
        return new TwoSpiralsLaw(TestLaws.settings(ProblemsModule.TWO_SPIRALS, keyValues));
    }

    private static float[] draw(Law law, long seed) {
        return law.sample(M, new SplittableRandom(seed)).points().data().asFloat();
    }

    /**
     * The distance from {@code (x, y)} to the arm {@code sign * (-cos(r) r, sin(r) r)}, {@code r in [0, END]}: a grid
     * over r, then a ternary search around the nearest grid angle.
     */
    static double distanceToArm(double x, double y, int sign) {
        int steps = 3000;
        double h = END / steps;
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k <= steps; k++) {
            double d = squaredDistance(x, y, sign, k * h);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        double lo = Math.max(0, (best - 1) * h);
        double hi = Math.min(END, (best + 1) * h);
        for (int it = 0; it < 60; it++) {
            double a = lo + (hi - lo) / 3;
            double b = hi - (hi - lo) / 3;
            if (squaredDistance(x, y, sign, a) < squaredDistance(x, y, sign, b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.sqrt(Math.min(bestD, squaredDistance(x, y, sign, (lo + hi) / 2)));
    }

    private static double squaredDistance(double x, double y, int sign, double r) {
        double dx = x - sign * -Math.cos(r) * r;
        double dy = y - sign * Math.sin(r) * r;
        return dx * dx + dy * dy;
    }

    @Test
    void withoutJitterAndNoiseEveryPointIsOnAnArmWithRadiusSqrtUniform() {
        float[] p = draw(spirals("data.jitter", "0", "data.noise", "0"), 1);
        int under = 0;
        double sumSquaredFraction = 0;
        for (int i = 0; i < M; i++) {
            double x = 3 * p[2 * i];
            double y = 3 * p[2 * i + 1];
            double d = Math.min(distanceToArm(x, y, 1), distanceToArm(x, y, -1));
            assertTrue(d < 1e-3, "point " + i + " (" + x + ", " + y + ") is on an arm, distance " + d);
            double radius = Math.hypot(x, y);
            assertTrue(radius <= END + 1e-4, "radius " + radius + " <= 3 pi");
            sumSquaredFraction += (radius / END) * (radius / END);
            under += radius < END / 2 ? 1 : 0;
        }
        double se = Math.sqrt(1.0 / 12 / M);
        assertEquals(0.5, sumSquaredFraction / M, 5 * se, "(r / 3 pi)^2 is uniform on [0, 1]: mean 1/2");
        assertEquals(0.25, (double) under / M, 5 * Math.sqrt(0.25 * 0.75 / M), "a quarter of the radii are below 3 pi / 2");
    }

    @Test
    void theDefaultsAreSymmetricNearTheArmsAndHalfOnEach() {
        float[] p = draw(spirals(), 2);
        double sx = 0;
        double sy = 0;
        double maxRadius = 0;
        int first = 0;
        double sumDistance = 0;
        for (int i = 0; i < M; i++) {
            sx += p[2 * i];
            sy += p[2 * i + 1];
            maxRadius = Math.max(maxRadius, Math.hypot(p[2 * i], p[2 * i + 1]));
            double x = 3 * p[2 * i];
            double y = 3 * p[2 * i + 1];
            double d1 = distanceToArm(x, y, 1);
            double d2 = distanceToArm(x, y, -1);
            // the jitter moves a point at most 0.5 sqrt 2 from its arm, the noise is 0.3 per coordinate in these units
            assertTrue(Math.min(d1, d2) < 0.5 * Math.sqrt(2) + 6.5 * 0.3, "point " + i + " is near an arm: " + Math.min(d1, d2));
            sumDistance += Math.min(d1, d2);
            first += d1 < d2 ? 1 : 0;
        }
        // a coordinate's std is about 1.7 (the spirals span about [-3, 3]): 5 standard errors of the mean
        assertEquals(0, sx / M, 5 * 1.7 / Math.sqrt(M), "mean x");
        assertEquals(0, sy / M, 5 * 1.7 / Math.sqrt(M), "mean y");
        assertTrue(maxRadius > 3 && maxRadius < 4.5, "the spirals reach radius 3 pi / 3 plus the jitter and noise: " + maxRadius);
        assertTrue(sumDistance / M < 0.6, "points are on average close to their arm: " + sumDistance / M);
        assertEquals(0.5, (double) first / M, 5 * Math.sqrt(0.25 / M), "half the points are nearer the first arm");
    }

    @Test
    void theSettingsChangeTheTurnsAndScale() {
        float[] p = draw(spirals("data.turns", "0.5", "data.scale", "1", "data.jitter", "0", "data.noise", "0"), 3);
        for (int i = 0; i < M; i++) {
            double radius = Math.hypot(p[2 * i], p[2 * i + 1]);
            assertTrue(radius <= Math.PI + 1e-4, "half a turn ends at radius pi: " + radius);
            double angle = Math.atan2(p[2 * i + 1], p[2 * i]);
            // the first arm at angle r is (-cos r, sin r) r = r (cos(pi - r), sin(pi - r)); the second is opposite
            double expected = Math.PI - radius;
            double off = Math.abs(Math.IEEEremainder(angle - expected, Math.PI));
            assertTrue(radius < 1e-3 || off < 1e-3, "point " + i + " lies at angle pi - r or -r: off by " + off);
        }
    }

    @Test
    void aNegativeNoiseIsRefusedNamingTheKeyValueAndRange() {
        refused(TwoSpiralsLaw::new, ProblemsModule.TWO_SPIRALS, "data.noise", with("data.noise", "-0.1"), "'-0.1'", "a number >= 0");
        refused(TwoSpiralsLaw::new, ProblemsModule.TWO_SPIRALS, "data.turns", with("data.turns", "0"), "'0'", "a number > 0");
    }
}
