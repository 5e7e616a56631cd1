package org.wasserflow.problems.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Two fixed 7-point clouds in 2-D and their distances computed once in Python (float32 points, float64
 * arithmetic; exact assignment by {@code scipy.optimize.linear_sum_assignment}, equivalent to exact OT between
 * uniform laws of equal size):
 * <pre>
 * i = np.arange(7)
 * y = np.stack([np.float32((0.37*i) % 1.3), np.float32(np.sin(i))], 1).astype(np.float64)
 * x = np.stack([np.float32(np.cos(1.7*i)), np.float32((0.5*i) % 1.1)], 1).astype(np.float64)
 * def w(c): r, k = linear_sum_assignment(c); return c[r, k].mean()
 * np.sqrt(w(cdist(y, x, 'sqeuclidean'))), w(cdist(y, x)), 2*cdist(y, x).mean() - cdist(y, y).mean() - cdist(x, x).mean()
 * </pre>
 */
final class TinySets {

    static final double W2 = 1.0679873658198382;
    static final double W1 = 0.9314604168119728;
    static final double ENERGY = 0.6137912822656519;

    private TinySets() {
    }

    static INDArray y() {
        float[] v = new float[14];
        for (int i = 0; i < 7; i++) {
            v[2 * i] = (float) ((0.37 * i) % 1.3);
            v[2 * i + 1] = (float) Math.sin(i);
        }
        return Nd4j.create(v, new long[] {7, 2}, 'c');
    }

    static INDArray x() {
        float[] v = new float[14];
        for (int i = 0; i < 7; i++) {
            v[2 * i] = (float) Math.cos(1.7 * i);
            v[2 * i + 1] = (float) ((0.5 * i) % 1.1);
        }
        return Nd4j.create(v, new long[] {7, 2}, 'c');
    }
}
