package org.wasserflow.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SinkhornTest {

    private final Sinkhorn sinkhorn = new Sinkhorn();

    private static double[] cloud(Random rnd, int n, double shift) {
        double[] p = new double[2 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextGaussian() * 0.5 + shift;
        }
        return p;
    }

    private static float[] cost(double[] y, double[] x, int n, int m) {
        float[] c = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double dx = y[2 * i] - x[2 * j];
                double dy = y[2 * i + 1] - x[2 * j + 1];
                c[i * m + j] = (float) ((dx * dx + dy * dy) / 2);
            }
        }
        return c;
    }

    @Test
    void potentialsSatisfyTheMarginalConditions() {
        Random rnd = new Random(1);
        int n = 150;
        int m = 120;
        float[] c = cost(cloud(rnd, n, 0), cloud(rnd, m, 1), n, m);
        Sinkhorn.Result r = sinkhorn.solve(c, n, m, new Sinkhorn.Options(0.05, 0.5, 1e-6, 5000));
        assertTrue(r.marginalError() < 1e-6, "stopped on the tolerance: " + r.marginalError());
        double[][] marg = Sinkhorn.marginals(c, n, m, r);
        for (double v : marg[0]) {
            assertEquals(1.0 / n, v, 1e-4 / n);
        }
        for (double v : marg[1]) {
            assertEquals(1.0 / m, v, 1e-4 / m);
        }
    }

    @Test
    void potentialsAreEachOthersSoftCTransformsAtSmallEpsilon() {
        Random rnd = new Random(4);
        int n = 300;
        int m = 250;
        float[] c = cost(cloud(rnd, n, 0), cloud(rnd, m, 0.8), n, m);
        double eps = 2e-3;
        Sinkhorn.Result r = sinkhorn.solve(c, n, m, new Sinkhorn.Options(eps, 0.5, 1e-5, 20000));
        float hi = Float.NEGATIVE_INFINITY;
        float lo = Float.POSITIVE_INFINITY;
        for (float v : c) {
            hi = Math.max(hi, v);
            lo = Math.min(lo, v);
        }
        int stages = 1 + (int) Math.ceil(Math.log((hi - lo) / eps) / Math.log(2));
        assertTrue(r.rebuilds() > stages, "absorptions beyond the " + stages + " epsilon stages: " + r.rebuilds());
        double worstF = worstTransformGap(r.f(), r.g(), eps, (i, j) -> c[i * m + j]);
        double worstG = worstTransformGap(r.g(), r.f(), eps, (j, i) -> c[i * m + j]);
        assertTrue(worstF < 1e-5, "f is the soft c-transform of g: " + worstF);
        assertTrue(worstG < 1e-4 * eps * 10, "g is the soft c-transform of f: " + worstG);
    }

    /**
     * {@code max_i |pot_i - c-transform(other)_i|} with the soft c-transform
     * {@code -eps log mean_j exp((other_j - cost(i, j)) / eps)} in double precision.
     */
    private static double worstTransformGap(float[] pot, float[] other, double eps, CostAt cost) {
        double worst = 0;
        for (int i = 0; i < pot.length; i++) {
            double[] t = new double[other.length];
            for (int j = 0; j < other.length; j++) {
                t[j] = (other[j] - cost.at(i, j)) / eps;
            }
            worst = Math.max(worst, Math.abs(pot[i] + eps * (logSumExp(t) - Math.log(other.length))));
        }
        return worst;
    }

    /** The cost between the i-th point of one side and the j-th of the other. */
    private interface CostAt {
        double at(int i, int j);
    }

    /** A double-precision log-sum-exp, the reference for the solver's float kernel. */
    private static double logSumExp(double[] t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : t) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : t) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    @Test
    void planCostApproachesTheExactCostAsEpsilonShrinks() {
        Random rnd = new Random(2);
        int n = 120;
        double[] y = cloud(rnd, n, 0);
        double[] x = cloud(rnd, n, 1);
        float[] c = cost(y, x, n, n);
        double exact = new EmpiricalTransport().assign(y, x, 2, 2).meanCost() / 2;
        double previousGap = Double.POSITIVE_INFINITY;
        for (double eps : new double[] {0.3, 0.1, 0.03, 0.01, 0.003}) {
            Sinkhorn.Result r = sinkhorn.solve(c, n, n, new Sinkhorn.Options(eps, 0.5, 1e-5, 20000));
            double gap = Sinkhorn.planCost(c, n, n, r) - exact;
            assertTrue(gap > -1e-3 * exact, "an entropic plan costs at least the optimum: eps " + eps + ", gap " + gap);
            assertTrue(gap < previousGap, "gap shrinks with eps: " + eps + ": " + gap + " vs " + previousGap);
            previousGap = gap;
        }
        assertTrue(previousGap < 0.01 * exact, "at eps 3e-3 within 1% of the exact cost: gap " + previousGap + ", exact " + exact);
    }

    @Test
    void staysFiniteDownToEpsilonOneThousandthInFloat32() {
        Random rnd = new Random(3);
        int n = 200;
        float[] c = cost(cloud(rnd, n, 0), cloud(rnd, n, 0.7), n, n);
        Sinkhorn.Result r = sinkhorn.solve(c, n, n, new Sinkhorn.Options(1e-3, 0.5, 1e-4, 3000));
        for (float v : r.f()) {
            assertTrue(Float.isFinite(v));
        }
        for (float v : r.g()) {
            assertTrue(Float.isFinite(v));
        }
        assertTrue(Double.isFinite(r.marginalError()) && r.marginalError() < 1e-2, "marginal error " + r.marginalError());
        assertEquals(1e-3, r.epsilon(), 0.0);
    }

    @Test
    void fastExpIsAccurateOnTheNegativeRange() {
        double worst = 0;
        for (int i = 0; i <= 1_000_000; i++) {
            float x = -87f * i / 1_000_000f;
            double exact = Math.exp(x);
            worst = Math.max(worst, Math.abs(FastExp.exp(x) - exact) / exact);
        }
        assertTrue(worst < 1e-6, "relative error " + worst);
        assertTrue(FastExp.exp(-200f) < 1e-37f);
    }
}
