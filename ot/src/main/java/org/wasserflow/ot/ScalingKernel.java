package org.wasserflow.ot;

import java.util.Arrays;

/**
 * The stabilised Gibbs kernel {@code K_ij = exp((f_i + g_j - C_ij) / eps)} of {@link Sinkhorn}, stored as a
 * row-major float matrix together with its transpose, and its two matrix-vector products. The products are
 * the whole cost of a scaling iteration: each streams one of the two matrices once from memory, in order and
 * with no exponential, as row-by-row axpys that the JIT vectorises (a dot-product loop does not vectorise,
 * since Java fixes the order of float sums).
 *
 * <p>{@link #rebuild} is one log-domain row update that keeps its exponentials: given the column potential
 * g, the row potential becomes the soft c-transform {@code -eps log sum_j b_j exp((g_j - C_ij) / eps)}, split
 * into a part absorbed into the kernel and a row scaling, and the kernel holds the terms it summed. Terms
 * below {@code e^-40} of their row's largest are stored as 0 without evaluating their exponential.
 */
final class ScalingKernel {

    /** Exponents below this, relative to a row's largest, are stored as 0 (4e-18 of the largest). */
    private static final float NEGLIGIBLE = -40f;

    private final int rows;
    private final int cols;
    private final float[] k;
    private final float[] kt;

    ScalingKernel(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.k = new float[rows * cols];
        this.kt = new float[rows * cols];
    }

    /**
     * Recomputes the kernel for the column potential {@code g} at {@code eps}; writes into {@code f} and
     * {@code u} a row potential and row scaling with {@code f_i + eps log u_i} the soft c-transform of g, so
     * the row marginals of the plan {@code a_i b_j u_i K_ij} are exact. Weights are uniform, {@code b_j = 1 / cols}.
     *
     * @param cost row-major {@code rows x cols} costs, not modified
     */
    void rebuild(float[] cost, float[] g, float[] f, float[] u, double eps) {
        float inv = (float) (1.0 / eps);
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            float max = expRow(cost, base, g, inv, k, base, cols);
            f[i] = (float) (-eps * max);
            u[i] = (float) (cols / sum(k, base, cols));
        }
        transpose(k, kt, rows, cols);
    }

    /**
     * The unbalanced row update ({@link Sinkhorn}, a KL penalty on the row marginal): the row potential becomes
     * {@code lambda} times the soft c-transform of g, wholly absorbed into {@code f} and the kernel, and
     * {@code u = 1}. Each row of the kernel is then {@code exp(t_j - max t)} times {@code exp((1 - lambda) max t)
     * (cols / S)^lambda} with {@code S} the row's sum, which stays finite because the potentials of the
     * unbalanced problem are of the order of the penalty times a log mass ratio.
     *
     * @param lambda {@code rho / (rho + eps)}, in (0, 1)
     */
    void rebuild(float[] cost, float[] g, float[] f, float[] u, double eps, double lambda) {
        float inv = (float) (1.0 / eps);
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            float max = expRow(cost, base, g, inv, k, base, cols);
            double logCols = Math.log(cols / sum(k, base, cols));
            f[i] = (float) (eps * lambda * (logCols - max));
            float scale = (float) Math.exp((1 - lambda) * max + lambda * logCols);
            for (int j = 0; j < cols; j++) {
                k[base + j] *= scale;
            }
            u[i] = 1f;
        }
        transpose(k, kt, rows, cols);
    }

    /**
     * One row of a soft c-transform: with {@code t_j = (g_j - cost[base + j]) * inv}, writes
     * {@code exp(t_j - max t)} into {@code out[outBase + j]} for {@code j < n}, storing 0 without evaluating the
     * exponential below {@code e^-40}, and returns {@code max t}.
     */
    static float expRow(float[] cost, int base, float[] g, float inv, float[] out, int outBase, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            float t = (g[j] - cost[base + j]) * inv;
            out[outBase + j] = t;
            max = Math.max(max, t);
        }
        for (int j = 0; j < n; j++) {
            float v = out[outBase + j] - max;
            out[outBase + j] = v > NEGLIGIBLE ? FastExp.exp(v) : 0f;
        }
        return max;
    }

    /** {@code sum_j a[from + j]} for {@code j < n}, accumulated in order in double. */
    static double sum(float[] a, int from, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += a[from + j];
        }
        return s;
    }

    /** {@code out_i = sum_j K_ij w_j}, {@code out} of length rows. */
    void times(float[] w, float[] out) {
        accumulate(kt, cols, rows, w, out);
    }

    /** {@code out_j = sum_i K_ij u_i}, {@code out} of length cols. */
    void transposeTimes(float[] u, float[] out) {
        accumulate(k, rows, cols, u, out);
    }

    /** {@code out = a^T x} for the row-major {@code r x c} matrix a: axpys over four rows at a time. */
    private static void accumulate(float[] a, int r, int c, float[] x, float[] out) {
        Arrays.fill(out, 0, c, 0f);
        int i = 0;
        for (; i + 3 < r; i += 4) {
            float x0 = x[i];
            float x1 = x[i + 1];
            float x2 = x[i + 2];
            float x3 = x[i + 3];
            int b0 = i * c;
            int b1 = b0 + c;
            int b2 = b1 + c;
            int b3 = b2 + c;
            for (int j = 0; j < c; j++) {
                out[j] += x0 * a[b0 + j] + x1 * a[b1 + j] + x2 * a[b2 + j] + x3 * a[b3 + j];
            }
        }
        for (; i < r; i++) {
            float xi = x[i];
            int b = i * c;
            for (int j = 0; j < c; j++) {
                out[j] += xi * a[b + j];
            }
        }
    }

    /** Writes the transpose of the row-major {@code r x c} matrix a into t, in cache-sized tiles. */
    private static void transpose(float[] a, float[] t, int r, int c) {
        int tile = 32;
        for (int i0 = 0; i0 < r; i0 += tile) {
            for (int j0 = 0; j0 < c; j0 += tile) {
                int i1 = Math.min(r, i0 + tile);
                int j1 = Math.min(c, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        t[j * r + i] = a[i * c + j];
                    }
                }
            }
        }
    }
}
