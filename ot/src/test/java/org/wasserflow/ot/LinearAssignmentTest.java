package org.wasserflow.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearAssignmentTest {

    private final LinearAssignment solver = new LinearAssignment();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8})
    void matchesBruteForceOnRandomAndTiedCosts(int n) {
        Random rnd = new Random(n);
        for (int trial = 0; trial < 30; trial++) {
            double[] c = new double[n * n];
            boolean ties = trial % 2 == 0;
            for (int k = 0; k < c.length; k++) {
                c[k] = ties ? rnd.nextInt(4) : rnd.nextDouble() * 10 - 3;
            }
            Assignment a = solver.solve(c, n);
            assertEquals(bruteForce(c, n), a.totalCost(), 1e-9, "trial " + trial);
            assertIsPermutation(a.rowToCol());
            double recomputed = 0;
            for (int i = 0; i < n; i++) {
                recomputed += c[i * n + a.colOf(i)];
            }
            assertEquals(recomputed, a.totalCost(), 1e-9);
        }
    }

    @Test
    void oneDimensionalSquaredCostMatchesSortedCoupling() {
        Random rnd = new Random(3);
        int n = 400;
        double[] y = rnd.doubles(n).map(v -> v * 5).toArray();
        double[] x = rnd.doubles(n).map(v -> v * v * 3 - 1).toArray();
        double[] ys = y.clone();
        double[] xs = x.clone();
        Arrays.sort(ys);
        Arrays.sort(xs);
        double sorted = 0;
        for (int i = 0; i < n; i++) {
            sorted += (ys[i] - xs[i]) * (ys[i] - xs[i]);
        }
        Assignment a = new EmpiricalTransport().assign(y, x, 1, 2);
        assertEquals(sorted, a.totalCost(), 1e-9 * sorted);
    }

    @Test
    void permutedCopyCostsNothing() {
        Random rnd = new Random(11);
        int n = 500;
        int d = 2;
        double[] x = rnd.doubles(n * d).map(v -> rnd.nextGaussian()).toArray();
        int[] perm = shuffled(n, rnd);
        double[] y = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, perm[i] * d, y, i * d, d);
        }
        Assignment a = new EmpiricalTransport().assign(y, x, d, 2);
        assertEquals(0.0, a.totalCost(), 0.0);
        assertArrayEquals(perm, a.rowToCol());
        assertEquals(0.0, new EmpiricalTransport().w1(y, x, d), 0.0);
    }

    @Test
    void translatedCloudHasW2EqualToShift() {
        Random rnd = new Random(5);
        int n = 300;
        double[] x = rnd.doubles(n * 2).toArray();
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
            y[2 * i] += 3;
            y[2 * i + 1] -= 4;
        }
        assertEquals(5.0, new EmpiricalTransport().w2(y, x, 2), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void matchesTextbookHungarianOnDegenerateGeometricCosts(int p) {
        Random rnd = new Random(17 + p);
        int n = 250;
        double[] blob = new double[2 * n];
        double[] ring = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(8);
            ring[2 * i] = Math.cos(Math.PI * k / 4) + 0.1 * rnd.nextGaussian();
            ring[2 * i + 1] = Math.sin(Math.PI * k / 4) + 0.1 * rnd.nextGaussian();
            blob[2 * i] = 1e-3 * rnd.nextGaussian();
            blob[2 * i + 1] = 1e-3 * rnd.nextGaussian();
        }
        double[] c = EmpiricalTransport.costMatrix(blob, ring, n, 2, p);
        assertEquals(hungarian(c, n), solver.solve(c, n).totalCost(), 1e-9);
        double[] tied = new double[n * n];
        for (int k = 0; k < tied.length; k++) {
            tied[k] = rnd.nextInt(3);
        }
        assertEquals(hungarian(tied, n), solver.solve(tied, n).totalCost(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void dualVariablesSatisfyComplementarySlackness(int p) {
        Random rnd = new Random(29 + p);
        for (int n : new int[] {1, 9, 200}) {
            double[] y = rnd.doubles(2L * n).map(v -> v * 4 - 1).toArray();
            double[] x = rnd.doubles(2L * n).map(v -> v * v).toArray();
            double[] c = EmpiricalTransport.costMatrix(y, x, n, 2, p);
            Assignment a = solver.solve(c, n);
            double[] u = a.rowDuals();
            double[] v = a.colDuals();
            double scale = 1;
            for (double value : c) {
                scale = Math.max(scale, Math.abs(value));
            }
            double dual = 0;
            for (int i = 0; i < n; i++) {
                dual += u[i] + v[i];
                for (int j = 0; j < n; j++) {
                    double slack = c[i * n + j] - u[i] - v[j];
                    assertTrue(slack >= -1e-9 * scale, "u_" + i + " + v_" + j + " exceeds c_ij by " + -slack);
                }
                assertEquals(0.0, c[i * n + a.colOf(i)] - u[i] - v[a.colOf(i)], 1e-9 * scale, "assigned pair " + i);
            }
            assertEquals(a.totalCost(), dual, 1e-9 * scale * n);
        }
    }

    @Test
    void rejectsNonFiniteAndMisshapenCosts() {
        assertThrows(IllegalArgumentException.class, () -> solver.solve(new double[] {1, Double.NaN, 0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> solver.solve(new double[3], 2));
    }

    private static void assertIsPermutation(int[] p) {
        int[] s = p.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length; i++) {
            assertEquals(i, s[i]);
        }
    }

    private static int[] shuffled(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The O(n^3) Hungarian algorithm with potentials (Kuhn-Munkres), as an independent reference. */
    private static double hungarian(double[] c, int n) {
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] match = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            match[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = match[j0];
                int j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = c[(i0 - 1) * n + j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (match[j0] != 0);
            do {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= n; j++) {
            total += c[(match[j] - 1) * n + j - 1];
        }
        return total;
    }

    private static double bruteForce(double[] c, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return permute(c, n, p, 0);
    }

    private static double permute(double[] c, int n, int[] p, int k) {
        if (k == n) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += c[i * n + p[i]];
            }
            return s;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = k; i < n; i++) {
            int t = p[k]; p[k] = p[i]; p[i] = t;
            best = Math.min(best, permute(c, n, p, k + 1));
            t = p[k]; p[k] = p[i]; p[i] = t;
        }
        return best;
    }
}
