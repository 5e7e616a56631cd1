package org.wasserflow.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Fused element-wise passes of {@link Mlp} for float arrays in row-major layout: each array is copied in
 * bulk into a Java array, processed by plain loops that the JIT vectorises, and copied back. One pass
 * replaces three to six ND4J ops (each a full read and write plus a fixed dispatch cost), 3-5x faster on
 * the small matrices of these networks. {@link Mlp} falls back to ND4J ops for other types; the tests
 * check that both paths agree. The {@code float[]} scratch arrays belong to the caller's {@link Tape}.
 */
final class Kernels {

    private Kernels() {
    }

    /** Whether every array is float, row-major and dense, so the loops below apply. */
    static boolean applies(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || !Shape.hasDefaultStridesForShape(a)) {
                return false;
            }
        }
        return true;
    }

    /** {@code a += bias} (row vector), then {@code h = relu(a)} and {@code mask = [a > 0]}. */
    static void biasReluMask(INDArray a, INDArray bias, INDArray h, INDArray mask, float[] s1, float[] s2) {
        int rows = a.rows();
        int cols = a.columns();
        int n = rows * cols;
        float[] b = read(bias, new float[cols]);
        float[] v = read(a, s1);
        float[] m = s2;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                float x = v[base + j] + b[j];
                v[base + j] = x;
                m[base + j] = x > 0 ? 1f : 0f;
            }
        }
        write(a, v, n);
        write(mask, m, n);
        for (int i = 0; i < n; i++) {
            v[i] = v[i] * m[i];
        }
        write(h, v, n);
    }

    /**
     * Batch norm with batch statistics and ReLU: {@code a} becomes {@code xhat = (a - mean) * invStd},
     * {@code z = gamma * xhat + beta}, {@code h = relu(z)}, {@code mask = [z > 0]}; {@code invStd} receives
     * {@code 1 / sqrt(var + eps)} per column.
     */
    static void batchNormRelu(INDArray a, INDArray gamma, INDArray beta, INDArray invStd, INDArray z, INDArray h,
            INDArray mask, double eps, float[] s1, float[] s2) {
        int rows = a.rows();
        int cols = a.columns();
        int n = rows * cols;
        float[] v = read(a, s1);
        float[] mean = new float[cols];
        float[] var = new float[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                mean[j] += v[base + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                float d = v[base + j] - mean[j];
                v[base + j] = d;
                var[j] += d * d;
            }
        }
        float[] inv = new float[cols];
        for (int j = 0; j < cols; j++) {
            inv[j] = (float) (1.0 / Math.sqrt(var[j] / rows + eps));
        }
        write(invStd, inv, cols);
        float[] g = read(gamma, new float[cols]);
        float[] b = read(beta, new float[cols]);
        float[] w = s2;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                float xhat = v[base + j] * inv[j];
                v[base + j] = xhat;
                w[base + j] = g[j] * xhat + b[j];
            }
        }
        write(a, v, n);
        write(z, w, n);
        for (int i = 0; i < n; i++) {
            float zz = w[i];
            v[i] = zz > 0 ? 1f : 0f;
            w[i] = zz > 0 ? zz : 0f;
        }
        write(mask, v, n);
        write(h, w, n);
    }

    /**
     * The backward pass of {@link #batchNormRelu} after the ReLU mask: {@code dz} (gradient at the batch-norm
     * output) becomes the gradient at the pre-activation; the gradients of gamma and beta are accumulated.
     */
    static void batchNormBackward(INDArray dz, INDArray xhat, INDArray gamma, INDArray invStd, INDArray dGamma,
            INDArray dBeta, float[] s1, float[] s2) {
        int rows = dz.rows();
        int cols = dz.columns();
        float[] d = read(dz, s1);
        float[] x = read(xhat, s2);
        float[] sumD = new float[cols];
        float[] sumDx = new float[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                sumD[j] += d[base + j];
                sumDx[j] += d[base + j] * x[base + j];
            }
        }
        float[] g = read(gamma, new float[cols]);
        float[] inv = read(invStd, new float[cols]);
        float[] dg = read(dGamma, new float[cols]);
        float[] db = read(dBeta, new float[cols]);
        float[] scale = new float[cols];
        for (int j = 0; j < cols; j++) {
            dg[j] += sumDx[j];
            db[j] += sumD[j];
            scale[j] = g[j] * inv[j];
            sumD[j] /= rows;
            sumDx[j] /= rows;
        }
        write(dGamma, dg, cols);
        write(dBeta, db, cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                d[base + j] = scale[j] * (d[base + j] - sumD[j] - x[base + j] * sumDx[j]);
            }
        }
        write(dz, d, rows * cols);
    }

    private static float[] read(INDArray a, float[] into) {
        FloatBuffer b = a.data().asNioFloat();
        b.get((int) a.offset(), into, 0, (int) a.length());
        return into;
    }

    private static void write(INDArray a, float[] from, int n) {
        a.data().asNioFloat().put((int) a.offset(), from, 0, n);
    }
}
