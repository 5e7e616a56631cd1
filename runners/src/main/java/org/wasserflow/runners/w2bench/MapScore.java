package org.wasserflow.runners.w2bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How close a fitted map {@code T_hat} is to the optimal map {@code T*} on test points {@code x_i} (Korotin et al. 2021):
 * <pre>
 *   L2-UVP = 100 * mean_i |T_hat(x_i) - T*(x_i)|^2 / Var(Q)
 *   cosine = mean_i &lt;T_hat(x_i) - x_i, T*(x_i) - x_i&gt; / sqrt( mean_i |T_hat(x_i) - x_i|^2 * mean_i |T*(x_i) - x_i|^2 )
 * </pre>
 * the cosine of the displacements in L2(P), over the whole test set. The benchmark's code reports 0 for the identity,
 * whose displacement is 0, and so does this (a zero displacement has cosine 0 here).
 *
 * @param l2uvp the unexplained variance percentage
 * @param cosine the cosine similarity of the displacements, in [-1, 1]
 */
public record MapScore(double l2uvp, double cosine) {

    /**
     * Scores {@code mapped = T_hat(x)} against {@code optimal = T*(x)}.
     *
     * @param x {@code [n, d]} test points
     * @param optimal {@code [n, d]} the optimal map at {@code x}
     * @param mapped {@code [n, d]} the fitted map at {@code x}
     * @param varQ the total variance of Q
     */
    public static MapScore of(INDArray x, INDArray optimal, INDArray mapped, double varQ) {
        double[] xs = flat(x);
        double[] ts = flat(optimal);
        double[] ms = flat(mapped);
        double error = 0;
        double dot = 0;
        double fitted = 0;
        double truth = 0;
        for (int k = 0; k < xs.length; k++) {
            double e = ms[k] - ts[k];
            double u = ms[k] - xs[k];
            double w = ts[k] - xs[k];
            error += e * e;
            dot += u * w;
            fitted += u * u;
            truth += w * w;
        }
        double n = x.rows();
        double cosine = fitted == 0 || truth == 0 ? 0 : dot / Math.sqrt(fitted * truth);
        return new MapScore(100 * error / n / varQ, cosine);
    }

    private static double[] flat(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
