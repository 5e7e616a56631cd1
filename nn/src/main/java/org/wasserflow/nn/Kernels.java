package org.wasserflow.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Fused element-wise passes of {@link Mlp} for float arrays in row-major layout: each array is copied in
 * bulk into a Java array, processed by flat loops that the JIT compiles to SIMD instructions, and copied
 * back. Row vectors (biases, batch-norm statistics) are first repeated into a full-size scratch array (a
 * "plane") so that every element-wise loop runs over one flat index, which the JIT vectorises (loops over
 * a row of 128 with a broadcast operand and branches, as this class had before, it does not: 2-5x slower).
 * One pass replaces three to six ND4J ops, each a full read and write plus a fixed dispatch cost. The
 * arithmetic is the same, operation by operation, as {@link Mlp}'s ND4J reference path, which the tests
 * compare with. The {@code float[]} scratch arrays belong to the caller's {@link Tape}.
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

    /** {@code h = relu(a + bias)} and {@code mask = [a + bias > 0]}, {@code bias} a row vector; {@code a} is left as it is. */
    static void biasReluMask(INDArray a, INDArray bias, INDArray h, INDArray mask, float[] s1, float[] s2) {
        int rows = a.rows();
        int cols = a.columns();
        int n = rows * cols;
        float[] v = read(a, s1);
        float[] p = plane(read(bias, new float[cols]), s2, rows);
        for (int i = 0; i < n; i++) {
            float y = Math.max(v[i] + p[i], 0f);
            v[i] = y;
            p[i] = step(y);
        }
        write(h, v, n);
        write(mask, p, n);
    }

    /**
     * Batch norm with batch statistics and ReLU: {@code a} becomes {@code xhat = (a - mean) * invStd},
     * {@code invStd} receives {@code 1 / sqrt(var + eps)} per column, {@code h = relu(gamma * xhat + beta)} and
     * {@code mask} its ReLU derivative.
     */
    static void batchNormRelu(INDArray a, INDArray gamma, INDArray beta, INDArray invStd, INDArray h, INDArray mask, double eps,
            float[] s1, float[] s2, float[] s3) {
        int rows = a.rows();
        int cols = a.columns();
        int n = rows * cols;
        float[] v = read(a, s1);
        float[] mean = columnSums(v, rows, cols);
        for (int j = 0; j < cols; j++) {
            mean[j] /= rows;
        }
        float[] p = plane(mean, s2, rows);
        for (int i = 0; i < n; i++) {
            v[i] = v[i] - p[i];
        }
        float[] var = new float[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                var[j] += v[base + j] * v[base + j];
            }
        }
        float[] inv = new float[cols];
        for (int j = 0; j < cols; j++) {
            inv[j] = (float) (1.0 / Math.sqrt(var[j] / rows + eps));
        }
        write(invStd, inv, cols);
        plane(inv, p, rows);
        for (int i = 0; i < n; i++) {
            v[i] = v[i] * p[i];
        }
        write(a, v, n);
        float[] g = plane(read(gamma, new float[cols]), p, rows);
        float[] b = plane(read(beta, new float[cols]), s3, rows);
        for (int i = 0; i < n; i++) {
            float y = Math.max(g[i] * v[i] + b[i], 0f);
            g[i] = y;
            b[i] = step(y);
        }
        write(h, g, n);
        write(mask, b, n);
    }

    /**
     * The backward pass of {@link #batchNormRelu}: {@code dh} (gradient at the ReLU output) becomes the gradient
     * at the pre-activation, through the ReLU {@code mask} and the batch norm; the gradients of gamma and beta
     * are accumulated.
     */
    static void batchNormBackward(INDArray dh, INDArray mask, INDArray xhat, INDArray gamma, INDArray invStd, INDArray dGamma,
            INDArray dBeta, float[] s1, float[] s2, float[] s3) {
        int rows = dh.rows();
        int cols = dh.columns();
        int n = rows * cols;
        float[] d = read(dh, s1);
        float[] p = read(mask, s2);
        for (int i = 0; i < n; i++) {
            d[i] = d[i] * p[i];
        }
        float[] x = read(xhat, s3);
        float[] sumD = columnSums(d, rows, cols);
        float[] sumDx = new float[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
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
        plane(sumD, p, rows);
        for (int i = 0; i < n; i++) {
            d[i] = d[i] - p[i];
        }
        plane(sumDx, p, rows);
        for (int i = 0; i < n; i++) {
            d[i] = d[i] - x[i] * p[i];
        }
        plane(scale, p, rows);
        for (int i = 0; i < n; i++) {
            d[i] = p[i] * d[i];
        }
        write(dh, d, n);
    }

    /** 1 where {@code y > 0}, 0 where {@code y == 0}, for {@code y >= 0}: exact, as twice 2^100 lifts the least positive float above 1. */
    static float step(float y) {
        return Math.min(y * 0x1p100f * 0x1p100f, 1f);
    }

    /** Per column, the sum over rows in row order. */
    private static float[] columnSums(float[] v, int rows, int cols) {
        float[] sums = new float[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += v[base + j];
            }
        }
        return sums;
    }

    /** {@code row} repeated {@code rows} times into {@code into}. */
    private static float[] plane(float[] row, float[] into, int rows) {
        int cols = row.length;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, into, r * cols, cols);
        }
        return into;
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
