package org.wasserflow.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasserflow.problems.TestLaws.refused;
import static org.wasserflow.problems.TestLaws.with;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Law;
import org.wasserflow.problems.laws.CheckerboardLaw;

/** The {@code checkerboard} law: black squares only, equal weights, uniform within squares, the reference's squares by default. */
class CheckerboardLawTest {

    private static final int M = 20000;

    private static Law board(String... keyValues) {
        return new CheckerboardLaw(TestLaws.settings(ProblemsModule.CHECKERBOARD, keyValues));
    }

    /** The FFJORD reference, ported: {@code x1 = rand*4 - 2; x2 = rand - randint(0, 2)*2 + floor(x1) % 2; (x1, x2) * 2}. */
    private static float[] reference(SplittableRandom rng) {
        float[] p = new float[2 * M];
        for (int i = 0; i < M; i++) {
            double x1 = rng.nextDouble() * 4 - 2;
            double x2 = rng.nextDouble() - rng.nextInt(2) * 2 + Math.floorMod((int) Math.floor(x1), 2);
            p[2 * i] = (float) (x1 * 2);
            p[2 * i + 1] = (float) (x2 * 2);
        }
        return p;
    }

    /** The square {@code (a, b)} holding each point of a board of {@code n x n} squares of side {@code side}, as {@code a * n + b}. */
    private static int[] squares(float[] p, int n, double side) {
        int[] s = new int[p.length / 2];
        for (int i = 0; i < s.length; i++) {
            int a = (int) Math.floor(p[2 * i] / side + n / 2.0);
            int b = (int) Math.floor(p[2 * i + 1] / side + n / 2.0);
            assertTrue(a >= 0 && a < n && b >= 0 && b < n, "point " + i + " (" + p[2 * i] + ", " + p[2 * i + 1] + ") is on the board");
            s[i] = a * n + b;
        }
        return s;
    }

    /** Asserts black squares only, each with its share {@code 2 / n^2}, points uniform in each (mean at the centre, variance side^2 / 12). */
    private static void assertUniformOnBlack(float[] p, int n, double side) {
        int[] s = squares(p, n, side);
        int[] count = new int[n * n];
        double[] sum = new double[2 * n * n];
        double[] sumSquares = new double[2 * n * n];
        for (int i = 0; i < s.length; i++) {
            int a = s[i] / n;
            int b = s[i] % n;
            assertEquals(0, (a + b) % 2, "point " + i + " lies in a black square, not (" + a + ", " + b + ")");
            count[s[i]]++;
            double u = p[2 * i] - (a + 0.5 - n / 2.0) * side;
            double v = p[2 * i + 1] - (b + 0.5 - n / 2.0) * side;
            sum[2 * s[i]] += u;
            sum[2 * s[i] + 1] += v;
            sumSquares[2 * s[i]] += u * u;
            sumSquares[2 * s[i] + 1] += v * v;
        }
        double share = 2.0 / (n * n);
        for (int k = 0; k < n * n; k++) {
            if ((k / n + k % n) % 2 == 1) {
                continue;
            }
            assertEquals(share * s.length, count[k], 5 * Math.sqrt(s.length * share * (1 - share)), "black square " + k + " gets 2 / n^2");
            double variance = side * side / 12;
            for (int c = 0; c < 2; c++) {
                double mean = sum[2 * k + c] / count[k];
                assertEquals(0, mean, 5 * Math.sqrt(variance / count[k]), "square " + k + " coordinate " + c + ": mean at the centre");
                // the variance of U(0, side)^2's mean: side^4 / 180 / count
                assertEquals(variance, sumSquares[2 * k + c] / count[k], 5 * Math.sqrt(Math.pow(side, 4) / 180 / count[k]),
                        "square " + k + " coordinate " + c + ": the variance of a uniform");
            }
        }
    }

    @Test
    void theDefaultsAreUniformOnTheEightBlackSquaresOfTheReference() {
        float[] p = board().sample(M, new SplittableRandom(1)).points().data().asFloat();
        assertUniformOnBlack(p, 4, 2);
        float[] ref = reference(new SplittableRandom(2));
        assertUniformOnBlack(ref, 4, 2);
        TreeSet<Integer> ours = new TreeSet<>();
        TreeSet<Integer> theirs = new TreeSet<>();
        for (int s : squares(p, 4, 2)) {
            ours.add(s);
        }
        for (int s : squares(ref, 4, 2)) {
            theirs.add(s);
        }
        assertEquals(8, ours.size(), "eight squares are occupied");
        assertEquals(theirs, ours, "the same squares as the reference");
    }

    @Test
    void aLargerBoardWithSmallerSquares() {
        float[] p = board("data.squares", "6", "data.scale", "0.5").sample(M, new SplittableRandom(3)).points().data().asFloat();
        assertUniformOnBlack(p, 6, 0.5);
        for (float v : p) {
            assertTrue(v >= -1.5f && v < 1.5f, "inside [-1.5, 1.5): " + v);
        }
    }

    @Test
    void anOddOrTooSmallBoardIsRefusedNamingTheKeyValueAndRange() {
        refused(CheckerboardLaw::new, ProblemsModule.CHECKERBOARD, "data.squares", with("data.squares", "3"), "'3'", "an even integer >= 2");
        refused(CheckerboardLaw::new, ProblemsModule.CHECKERBOARD, "data.squares", with("data.squares", "0"), "'0'", "an even integer >= 2");
        refused(CheckerboardLaw::new, ProblemsModule.CHECKERBOARD, "data.scale", with("data.scale", "0"), "'0'", "a number > 0");
    }
}
