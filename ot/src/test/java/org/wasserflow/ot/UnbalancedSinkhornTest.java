package org.wasserflow.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The unbalanced problem of {@link Sinkhorn} ({@code Options.rho > 0}): closed forms and optimality conditions. */
class UnbalancedSinkhornTest {

    private final Sinkhorn sinkhorn = new Sinkhorn();

    /**
     * One point to one point at cost c: the plan's mass m minimises {@code c m + (eps + 2 rho)(m log m - m + 1)},
     * so {@code m = exp(-c / (eps + 2 rho))}.
     */
    @Test
    void diracToDiracCarriesTheClosedFormMass() {
        for (double[] p : new double[][] {{1.0, 0.1, 0.5}, {3.0, 0.05, 2.0}, {0.5, 0.01, 0.2}}) {
            float[] c = {(float) p[0]};
            Sinkhorn.Result r = sinkhorn.solve(c, 1, 1, new Sinkhorn.Options(p[1], 0.5, 1e-9, 10000, p[2]));
            double mass = Sinkhorn.marginals(c, 1, 1, r)[0][0];
            assertEquals(Math.exp(-p[0] / (p[1] + 2 * p[2])), mass, 1e-4, "c, eps, rho = " + java.util.Arrays.toString(p));
        }
    }

    /** Each potential is {@code rho / (rho + eps)} times the soft c-transform of the other, in double precision. */
    @Test
    void potentialsAreScaledSoftCTransformsOfEachOther() {
        Random rnd = new Random(3);
        int n = 90;
        int m = 70;
        float[] c = new float[n * m];
        double[] y = new double[2 * n];
        double[] x = new double[2 * m];
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextGaussian();
        }
        for (int j = 0; j < x.length; j++) {
            x[j] = rnd.nextGaussian() * 0.7 + 1;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double dx = y[2 * i] - x[2 * j];
                double dy = y[2 * i + 1] - x[2 * j + 1];
                c[i * m + j] = (float) ((dx * dx + dy * dy) / 2);
            }
        }
        double eps = 0.05;
        double rho = 0.5;
        Sinkhorn.Result r = sinkhorn.solve(c, n, m, new Sinkhorn.Options(eps, 0.5, 1e-7, 20000, rho));
        double lambda = rho / (rho + eps);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += Math.exp((r.g()[j] - c[i * m + j]) / eps) / m;
            }
            assertEquals(-lambda * eps * Math.log(s), r.f()[i], 2e-3, "row " + i);
        }
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.exp((r.f()[i] - c[i * m + j]) / eps) / n;
            }
            assertEquals(-lambda * eps * Math.log(s), r.g()[j], 2e-3, "column " + j);
        }
    }

    /**
     * Two far-apart clusters holding 6 and 4 of one batch's points and 4 and 6 of the other's: balanced OT must send
     * two points of the first cluster across (a row of the plan lies mostly on the far cluster), a penalty far below
     * the distance between the clusters keeps every row's mass in its own cluster.
     */
    @Test
    void aSmallPenaltyKeepsSurplusPointsInTheirCluster() {
        int n = 10;
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i < 6 ? 0 : 10) + 0.01 * i;
            x[i] = (i < 4 ? 0 : 10) - 0.01 * i;
        }
        float[] c = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = (float) ((y[i] - x[j]) * (y[i] - x[j]) / 2);
            }
        }
        assertEquals(2, crossing(c, n, sinkhorn.solve(c, n, n, new Sinkhorn.Options(0.05, 0.5, 1e-8, 20000))));
        assertEquals(0, crossing(c, n, sinkhorn.solve(c, n, n, new Sinkhorn.Options(0.05, 0.5, 1e-8, 20000, 1.0))));
    }

    /** The rows among the first cluster's (0-5) that put most of their mass on the second cluster's columns (4-9). */
    private static int crossing(float[] c, int n, Sinkhorn.Result r) {
        int count = 0;
        for (int i = 0; i < 6; i++) {
            double near = 0;
            double far = 0;
            for (int j = 0; j < n; j++) {
                double p = Math.exp((r.f()[i] + r.g()[j] - c[i * n + j]) / r.epsilon());
                if (j < 4) {
                    near += p;
                } else {
                    far += p;
                }
            }
            assertTrue(near + far > 0, "row " + i + " carries mass");
            count += far > near ? 1 : 0;
        }
        return count;
    }
}
