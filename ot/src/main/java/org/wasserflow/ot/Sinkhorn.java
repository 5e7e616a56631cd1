package org.wasserflow.ot;

import java.util.Arrays;

/**
 * Entropic optimal transport between two uniform empirical laws by Sinkhorn iterations (Cuturi 2013), with
 * the log-domain stabilisation by absorption and the epsilon-scaling of Schmitzer 2019, "Stabilized sparse
 * scaling algorithms for entropy regularized transport problems". Potentials are split into absorbed log
 * potentials and float32 scalings; a {@link ScalingKernel} holds {@code exp((f + g - C) / eps)} for the
 * absorbed part, so an iteration is two float matrix-vector products with no exponential, bounded by
 * memory bandwidth. When a scaling leaves {@code [e^-10, e^10]}, or epsilon changes, the scalings are
 * absorbed and the kernel rebuilt by a log-domain row update (every exponent at most 0), so the solver
 * stays finite in float32 for any epsilon > 0.
 *
 * <p>The dual potentials (f, g) maximise {@code <f, a> + <g, b> - eps <a x b, exp((f + g - C) / eps) - 1>};
 * the plan is {@code P_ij = a_i b_j exp((f_i + g_j - C_ij) / eps)}. With a marginal penalty {@code rho > 0}
 * ({@link Options#rho}) the problem is unbalanced: {@code <C, P> + eps KL(P | a x b) + rho KL(P 1 | a) +
 * rho KL(P^T 1 | b)}, whose potentials are fixed points of {@code f = lambda c-transform(g)} with
 * {@code lambda = rho / (rho + eps)}; a plan's rows then carry more or less than {@code a_i}, so a minibatch
 * whose modes hold a few more points than the other batch's need not send them to a neighbouring mode
 * (Fatras et al. 2021, "Unbalanced minibatch optimal transport"). Instances are stateless.
 */
public final class Sinkhorn {

    /**
     * The result of a solve.
     *
     * @param f row potentials, {@code [n]}
     * @param g column potentials, {@code [m]}
     * @param iterations total iterations over all epsilon stages
     * @param rebuilds kernel rebuilds (stage changes and absorptions), each costing {@code n m} exponentials
     * @param marginalError L1 error of the row marginal of the plan with exact columns, before the last
     *     row update
     * @param epsilon the final epsilon
     */
    public record Result(float[] f, float[] g, int iterations, int rebuilds, double marginalError, double epsilon) { }

    /**
     * Solver settings.
     *
     * @param epsilon the target regularisation, in cost units, positive
     * @param scaling factor in (0, 1) by which epsilon shrinks between stages, from the cost range down to
     *     the target
     * @param tolerance stop when the L1 marginal error is below this
     * @param maxIterations cap on the iterations at the target epsilon
     * @param rho the KL penalty on both marginals, in cost units (unbalanced OT); 0 for exact marginals
     */
    public record Options(double epsilon, double scaling, double tolerance, int maxIterations, double rho) {
        public Options {
            if (!(epsilon > 0) || !(scaling > 0 && scaling < 1) || !(tolerance > 0) || maxIterations < 1 || !(rho >= 0)) {
                throw new IllegalArgumentException("bad Sinkhorn options: " + epsilon + ", " + scaling + ", " + tolerance + ", "
                        + maxIterations + ", " + rho);
            }
        }

        /** Balanced OT: exact marginals. */
        public Options(double epsilon, double scaling, double tolerance, int maxIterations) {
            this(epsilon, scaling, tolerance, maxIterations, 0);
        }

        /** The exponent of the scaling updates at {@code eps}: {@code rho / (rho + eps)}, 1 when balanced. */
        double lambda(double eps) {
            return rho == 0 ? 1 : rho / (rho + eps);
        }
    }

    /** Scalings beyond {@code e^10} (or below {@code e^-10}) are absorbed into the log potentials. */
    private static final float BOUND = (float) Math.exp(10);

    /** The scaling given a row or column whose kernel entries all underflowed; it forces an absorption. */
    private static final float LIFT = (float) Math.exp(30);

    /** Stage iterations while epsilon is still above its target. */
    private static final int ITERATIONS_PER_STAGE = 10;

    /**
     * Solves for the row-major {@code n x m} cost matrix {@code cost} with uniform weights.
     *
     * @param cost row-major costs, not modified
     */
    public Result solve(float[] cost, int n, int m, Options options) {
        if (cost.length != n * m) {
            throw new IllegalArgumentException("the cost matrix must have " + n + " x " + m + " entries");
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float c : cost) {
            lo = Math.min(lo, c);
            hi = Math.max(hi, c);
        }
        State s = new State(cost, n, m);
        double eps = Math.max(hi - lo, options.epsilon());
        while (true) {
            boolean last = eps <= options.epsilon();
            int cap = last ? options.maxIterations() : ITERATIONS_PER_STAGE;
            double lambda = options.lambda(eps);
            s.rebuild(eps, lambda);
            for (int k = 0; k < cap; k++) {
                boolean outOfBounds = lambda == 1 ? s.iterate() : s.iterateUnbalanced(eps, lambda);
                if (last && s.error < options.tolerance()) {
                    break;
                }
                if (outOfBounds && k + 1 < cap) {
                    s.absorb(eps);
                    s.rebuild(eps, lambda);
                }
            }
            s.absorb(eps);
            if (last) {
                s.finish(eps);
                return new Result(s.f, s.g, s.iterations, s.rebuilds, s.error, eps);
            }
            eps = Math.max(eps * options.scaling(), options.epsilon());
        }
    }

    /**
     * Absorbed potentials, scalings and the kernel of one solve. The plan is {@code a_i u_i K_ij w_j}, with
     * {@code w_j = b_j v_j} the column scaling times its weight.
     */
    private static final class State {
        final float[] cost;
        final int n;
        final int m;
        final ScalingKernel kernel;
        final float[] f;
        final float[] g;
        final float[] u;
        final float[] w;
        final float[] rowSums;
        final float[] colSums;
        int iterations;
        int rebuilds;
        double error = Double.POSITIVE_INFINITY;

        State(float[] cost, int n, int m) {
            this.cost = cost;
            this.n = n;
            this.m = m;
            this.kernel = new ScalingKernel(n, m);
            this.f = new float[n];
            this.g = new float[m];
            this.u = new float[n];
            this.w = new float[m];
            this.rowSums = new float[n];
            this.colSums = new float[m];
            Arrays.fill(w, 1f / m);
        }

        /** Recomputes f, u and the kernel from g; the column scalings return to 1. */
        void rebuild(double eps, double lambda) {
            if (lambda == 1) {
                kernel.rebuild(cost, g, f, u, eps);
            } else {
                kernel.rebuild(cost, g, f, u, eps, lambda);
            }
            Arrays.fill(w, 1f / m);
            rebuilds++;
        }

        /** A column update (columns exact), then a row update measuring the row error; true if a scaling left its bounds. */
        boolean iterate() {
            boolean out = false;
            kernel.transposeTimes(u, colSums);
            for (int j = 0; j < m; j++) {
                float v = colSums[j] > 0 ? n / colSums[j] : LIFT;
                w[j] = v / m;
                out |= v > BOUND || v < 1 / BOUND;
            }
            kernel.times(w, rowSums);
            double e = 0;
            for (int i = 0; i < n; i++) {
                e += Math.abs((double) u[i] * rowSums[i] - 1.0);
                u[i] = rowSums[i] > 0 ? 1 / rowSums[i] : LIFT;
                out |= u[i] > BOUND || u[i] < 1 / BOUND;
            }
            error = e / n;
            iterations++;
            return out;
        }

        /**
         * The unbalanced iteration (Chizat, Peyre, Schmitzer and Vialard 2018, "Scaling algorithms for unbalanced
         * optimal transport problems"): each side's full potential becomes {@code lambda} times the soft
         * c-transform of the other's, {@code v_j = (n / (K^T u)_j)^lambda exp(-(1 - lambda) g_j / eps)} and
         * likewise for u with f, the absorbed parts entering through the second factor. The error is the mean
         * relative change of u; true if a scaling left its bounds.
         */
        boolean iterateUnbalanced(double eps, double lambda) {
            boolean out = false;
            double keep = (1 - lambda) / eps;
            kernel.transposeTimes(u, colSums);
            for (int j = 0; j < m; j++) {
                float v = colSums[j] > 0 ? (float) Math.exp(lambda * Math.log(n / colSums[j]) - keep * g[j]) : LIFT;
                w[j] = v / m;
                out |= v > BOUND || v < 1 / BOUND;
            }
            kernel.times(w, rowSums);
            double e = 0;
            for (int i = 0; i < n; i++) {
                float next = rowSums[i] > 0 ? (float) Math.exp(-lambda * Math.log(rowSums[i]) - keep * f[i]) : LIFT;
                e += Math.abs((double) next / u[i] - 1.0);
                u[i] = next;
                out |= next > BOUND || next < 1 / BOUND;
            }
            error = e / n;
            iterations++;
            return out;
        }

        /** Moves the column scalings into g; w is stale until the rebuild that follows, which also recomputes f and u. */
        void absorb(double eps) {
            for (int j = 0; j < m; j++) {
                g[j] += (float) (eps * Math.log((double) w[j] * m));
            }
        }

        /** Moves the row scalings into f: f and g are then the full potentials. */
        void finish(double eps) {
            for (int i = 0; i < n; i++) {
                f[i] += (float) (eps * Math.log(u[i]));
            }
        }
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
