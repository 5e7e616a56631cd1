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

    /**
     * Whether every array is float with its elements contiguous in row-major order (whole arrays, row blocks,
     * and row blocks of column vectors, which ND4J may report as 'f'-ordered), so {@link #read} and
     * {@link #write} apply.
     */
    static boolean dense(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || a.rank() != 2) {
                return false;
            }
            boolean rows = a.rows() == 1 || a.stride(0) == a.columns();
            boolean cols = a.columns() == 1 || a.stride(1) == 1;
            if (!rows || !cols) {
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
     * Centres the rows of {@code v} ({@code rows x mean.length}, in place) by the column means and returns the
     * column sums of the squared centred values. {@code scratch} receives the repeated means.
     */
    static float[] centre(float[] v, float[] mean, float[] scratch, int rows) {
        int n = rows * mean.length;
        float[] p = plane(mean, scratch, rows);
        for (int i = 0; i < n; i++) {
            v[i] = v[i] - p[i];
        }
        return columnSums(v, v, rows, mean.length);
    }

    /**
     * Batch norm's normalisation and ReLU on centred values {@code v}: {@code xhat = v * inv} (written to
     * {@code xhat}), {@code h = relu(gamma * xhat + beta)} and {@code mask} its ReLU derivative.
     */
    static void normaliseRelu(float[] v, float[] inv, float[] gamma, float[] beta, INDArray xhat, INDArray h, INDArray mask,
            float[] s2, float[] s3) {
        int rows = xhat.rows();
        int n = rows * inv.length;
        float[] p = plane(inv, s2, rows);
        for (int i = 0; i < n; i++) {
            v[i] = v[i] * p[i];
        }
        write(xhat, v, n);
        float[] g = plane(gamma, s2, rows);
        float[] b = plane(beta, s3, rows);
        for (int i = 0; i < n; i++) {
            float y = Math.max(g[i] * v[i] + b[i], 0f);
            g[i] = y;
            b[i] = step(y);
        }
        write(h, g, n);
        write(mask, b, n);
    }

    /**
     * The column sums of batch norm's backward pass: {@code d = dh * mask} (left in {@code s1}), {@code xhat}
     * (left in {@code s3}); returns the column sums of {@code d} and of {@code d * xhat}.
     */
    static float[][] maskedSums(INDArray dh, INDArray mask, INDArray xhat, float[] s1, float[] s2, float[] s3) {
        int rows = dh.rows();
        int cols = dh.columns();
        int n = rows * cols;
        float[] d = read(dh, s1);
        float[] m = read(mask, s2);
        for (int i = 0; i < n; i++) {
            d[i] = d[i] * m[i];
        }
        float[] x = read(xhat, s3);
        return new float[][] {columnSums(d, rows, cols), columnSums(d, x, rows, cols)};
    }

    /**
     * Batch norm's backward step from the column means of {@code d} and {@code d * xhat}:
     * {@code out = scale * (d - meanD - xhat * meanDx)}, per column {@code scale = gamma * invStd}.
     */
    static void normaliseBackward(float[] d, float[] x, float[] meanD, float[] meanDx, float[] scale, float[] s2, INDArray out) {
        int rows = out.rows();
        int n = rows * scale.length;
        float[] p = plane(meanD, s2, rows);
        for (int i = 0; i < n; i++) {
            d[i] = d[i] - p[i];
        }
        plane(meanDx, p, rows);
        for (int i = 0; i < n; i++) {
            d[i] = d[i] - x[i] * p[i];
        }
        plane(scale, p, rows);
        for (int i = 0; i < n; i++) {
            d[i] = p[i] * d[i];
        }
        write(out, d, n);
    }

    /** {@code a += row} on every row of {@code a} (as ND4J's {@code addiRowVector}); {@code scratch} holds {@code a}'s values meanwhile. */
    static void addRow(INDArray a, INDArray row, float[] scratch) {
        int cols = a.columns();
        int n = a.rows() * cols;
        float[] v = read(a, scratch);
        float[] r = read(row, new float[cols]);
        for (int i = 0; i < n; i += cols) {
            for (int j = 0; j < cols; j++) {
                v[i + j] += r[j];
            }
        }
        write(a, v, n);
    }

    /** {@code row += add}, for a float row vector. */
    static void addTo(INDArray row, float[] add) {
        float[] v = read(row, new float[add.length]);
        for (int j = 0; j < add.length; j++) {
            v[j] += add[j];
        }
        write(row, v, add.length);
    }

    /** 1 where {@code y > 0}, 0 where {@code y == 0}, for {@code y >= 0}: exact, as twice 2^100 lifts the least positive float above 1. */
    static float step(float y) {
        return Math.min(y * 0x1p100f * 0x1p100f, 1f);
    }

    /** Per column, the sum over rows in row order. */
    static float[] columnSums(float[] v, int rows, int cols) {
        float[] sums = new float[cols];
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int b = r * cols;
            for (int j = 0; j < cols; j++) {
                int k = b + j;
                float s = sums[j];
                s += v[k];
                s += v[k + cols];
                s += v[k + 2 * cols];
                s += v[k + 3 * cols];
                sums[j] = s;
            }
        }
        for (; r < rows; r++) {
            int b = r * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += v[b + j];
            }
        }
        return sums;
    }

    /**
     * Per column, the sum over rows in row order of the products {@code u v}. Four rows per pass over the
     * columns (same order of additions as one row at a time, with a quarter of the loop overhead).
     */
    static float[] columnSums(float[] u, float[] v, int rows, int cols) {
        float[] sums = new float[cols];
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int b = r * cols;
            for (int j = 0; j < cols; j++) {
                int k = b + j;
                float s = sums[j];
                s += u[k] * v[k];
                s += u[k + cols] * v[k + cols];
                s += u[k + 2 * cols] * v[k + 2 * cols];
                s += u[k + 3 * cols] * v[k + 3 * cols];
                sums[j] = s;
            }
        }
        for (; r < rows; r++) {
            int b = r * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += u[b + j] * v[b + j];
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

    static float[] read(INDArray a, float[] into) {
        FloatBuffer b = a.data().asNioFloat();
        b.get((int) a.offset(), into, 0, (int) a.length());
        return into;
    }

    static void write(INDArray a, float[] from, int n) {
        a.data().asNioFloat().put((int) a.offset(), from, 0, n);
    }
}
