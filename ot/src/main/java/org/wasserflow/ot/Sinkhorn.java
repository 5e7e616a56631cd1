package org.wasserflow.ot;

/**
 * Entropic optimal transport between two uniform empirical laws by log-domain Sinkhorn iterations
 * (Cuturi 2013; log-domain stabilisation and epsilon-scaling as in Schmitzer 2019, "Stabilized sparse
 * scaling algorithms for entropy regularized transport problems"). Costs and potentials are float32; each
 * half-iteration is one row-wise, numerically stable log-sum-exp pass over a row-major cost matrix (the
 * matrix and its transpose are both kept, so both passes stream memory in order). Stays finite for any
 * epsilon > 0: every exponent is at most 0.
 *
 * <p>The dual potentials (f, g) maximise {@code <f, a> + <g, b> - eps <a x b, exp((f + g - C) / eps) - 1>};
 * the plan is {@code P_ij = a_i b_j exp((f_i + g_j - C_ij) / eps)}. Instances are stateless.
 */
public final class Sinkhorn {

    /**
     * The result of a solve.
     *
     * @param f row potentials, {@code [n]}
     * @param g column potentials, {@code [m]}
     * @param iterations total iterations over all epsilon stages
     * @param marginalError L1 error of the row marginal after the last iteration (columns are exact)
     * @param epsilon the final epsilon
     */
    public record Result(float[] f, float[] g, int iterations, double marginalError, double epsilon) { }

    /**
     * Solver settings.
     *
     * @param epsilon the target regularisation, in cost units, positive
     * @param scaling factor in (0, 1) by which epsilon shrinks between stages, from the cost range down to
     *     the target
     * @param tolerance stop when the L1 marginal error is below this
     * @param maxIterations cap on the iterations at the target epsilon
     */
    public record Options(double epsilon, double scaling, double tolerance, int maxIterations) {
        public Options {
            if (!(epsilon > 0) || !(scaling > 0 && scaling < 1) || !(tolerance > 0) || maxIterations < 1) {
                throw new IllegalArgumentException("bad Sinkhorn options: " + epsilon + ", " + scaling + ", " + tolerance + ", " + maxIterations);
            }
        }
    }

    /**
     * Exponents below this, relative to a row's largest, are dropped from its log-sum-exp: each term is
     * under {@code e^-40 = 4e-18} of the largest, far below float resolution even summed over millions
     * of terms. At small epsilon most pairs are that far apart, which saves most exponentials.
     */
    private static final float NEGLIGIBLE = -40f;

    /** Stage iterations while epsilon is still above its target. */
    private static final int ITERATIONS_PER_STAGE = 10;

    /**
     * Solves for the row-major {@code n x m} cost matrix {@code cost} with uniform weights.
     *
     * @param cost row-major costs, not modified
     * @param costT the transpose of {@code cost}, row-major {@code m x n}
     */
    public Result solve(float[] cost, float[] costT, int n, int m, Options options) {
        if (cost.length != n * m || costT.length != n * m) {
            throw new IllegalArgumentException("cost matrices must have " + n + " x " + m + " entries");
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float c : cost) {
            lo = Math.min(lo, c);
            hi = Math.max(hi, c);
        }
        float[] f = new float[n];
        float[] g = new float[m];
        float[] scratch = new float[Math.max(n, m)];
        double eps = Math.max(hi - lo, options.epsilon());
        int iterations = 0;
        double error = Double.POSITIVE_INFINITY;
        while (true) {
            boolean last = eps <= options.epsilon();
            int cap = last ? options.maxIterations() : ITERATIONS_PER_STAGE;
            for (int k = 0; k < cap; k++) {
                error = update(cost, g, f, n, m, eps, scratch);
                update(costT, f, g, m, n, eps, scratch);
                iterations++;
                if (last && error < options.tolerance()) {
                    break;
                }
            }
            if (last) {
                return new Result(f, g, iterations, error, eps);
            }
            eps = Math.max(eps * options.scaling(), options.epsilon());
        }
    }

    /**
     * One half-iteration: {@code out_i = -eps * log sum_j (1 / cols) exp((other_j - C_ij) / eps)} for every row i
     * of {@code c} ({@code rows x cols}). Returns the L1 error of the row marginal of the plan before the
     * update, {@code sum_i |1/rows - (1/rows) exp((out_i_old - out_i_new) / eps)|}.
     */
    static double update(float[] c, float[] other, float[] out, int rows, int cols, double eps, float[] t) {
        float inv = (float) (1.0 / eps);
        double logCols = Math.log(cols);
        double error = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                t[j] = other[j] - c[base + j];
            }
            float max = max(t, cols);
            for (int j = 0; j < cols; j++) {
                float v = (t[j] - max) * inv;
                t[j] = v > NEGLIGIBLE ? FastExp.exp(v) : 0f;
            }
            double updated = -eps * (max * inv + Math.log(sum(t, cols)) - logCols);
            error += Math.abs(1.0 - Math.exp((out[i] - updated) * inv)) / rows;
            out[i] = (float) updated;
        }
        return error;
    }

    /** The maximum of {@code t[0..n)}, with independent partial maxima (no loop-carried dependency). */
    private static float max(float[] t, int n) {
        float m0 = Float.NEGATIVE_INFINITY;
        float m1 = m0;
        float m2 = m0;
        float m3 = m0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            m0 = Math.max(m0, t[j]);
            m1 = Math.max(m1, t[j + 1]);
            m2 = Math.max(m2, t[j + 2]);
            m3 = Math.max(m3, t[j + 3]);
        }
        for (; j < n; j++) {
            m0 = Math.max(m0, t[j]);
        }
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    /** The sum of {@code t[0..n)} with eight independent partial sums. */
    private static double sum(float[] t, int n) {
        float[] s = new float[8];
        int j = 0;
        for (; j + 7 < n; j += 8) {
            for (int k = 0; k < 8; k++) {
                s[k] += t[j + k];
            }
        }
        double total = 0;
        for (; j < n; j++) {
            total += t[j];
        }
        for (float v : s) {
            total += v;
        }
        return total;
    }

    /** The transpose, row-major {@code m x n}, of a row-major {@code n x m} matrix. */
    public static float[] transpose(float[] a, int n, int m) {
        float[] t = new float[a.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[j * n + i] = a[i * m + j];
            }
        }
        return t;
    }

    /** The primal cost {@code <P, C>} of the plan of a solve. */
    public static double planCost(float[] cost, int n, int m, Result r) {
        double inv = 1.0 / r.epsilon();
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double c = cost[i * m + j];
                total += Math.exp((r.f()[i] + r.g()[j] - c) * inv) * c;
            }
        }
        return total / ((double) n * m);
    }

    /** Row sums of the plan (each should be 1/n) and column sums (each 1/m), for checks. */
    public static double[][] marginals(float[] cost, int n, int m, Result r) {
        double[] rows = new double[n];
        double[] cols = new double[m];
        double inv = 1.0 / r.epsilon();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double p = Math.exp((r.f()[i] + r.g()[j] - cost[i * m + j]) * inv) / ((double) n * m);
                rows[i] += p;
                cols[j] += p;
            }
        }
        return new double[][] {rows, cols};
    }
}
