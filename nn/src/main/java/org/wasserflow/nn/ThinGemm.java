package org.wasserflow.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.ConcurrentHashMap;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Float products with a thin side, computed in Java in the order of operations of the machine's own OpenBLAS
 * {@code sgemm}, so the result is the same bit for bit. The thin products of the networks (bias gradients as
 * {@code ones^T dA}, the weight gradients of the 1-wide output and 2-wide input layers) read 0.1-0.8 MB for
 * 0.1-0.8 MFLOP; OpenBLAS packs the wide operand and takes 20-100 us for them, the vector loops here (the
 * JDK's incubating Vector API, reading the wide operand in place) 2-4x less. The caller ({@link Gemm}) uses
 * this class only when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>What is reproduced: OpenBLAS's level-3 driver cuts the shared dimension {@code K} into blocks (at most
 * {@code Q}, a remainder between {@code Q} and {@code 2Q} halved and rounded up to a multiple of
 * {@code U}); the kernel sums each block with fused multiply-adds from zero in {@code k} order and adds
 * {@code alpha} times the block sum to {@code C} with one more fused multiply-add, after {@code C} has been
 * scaled by {@code beta} (cleared for {@code beta = 0}). {@code Q} and {@code U} depend on the kernels
 * OpenBLAS chose for the CPU (measured: 320 and 8 for its Haswell kernels). So nothing is assumed: the first
 * time a shape (with its {@code alpha}, {@code beta} and transpositions) is seen, {@link SgemmBlocking} computes it
 * on random operands with {@code sgemm} and with each candidate blocking, and the shape is computed here
 * only with a blocking that matched every element; otherwise it stays with {@code sgemm}.
 */
final class ThinGemm {

    /** A shape, with its scalars and transpositions. */
    record Shape(int m, int n, int k, boolean transA, boolean transB, float alpha, float beta) {

        /**
         * Whether the product is thin (one or two rows of {@code op(A)} against a stored {@code B}, or one or
         * two columns of {@code op(B)} against a stored {@code A^T}) with a long enough sum and a wide enough
         * other side for the vector loops to pay.
         */
        boolean thin() {
            return (m <= 2 && !transB || n <= 2 && transA) && k >= 32 && Math.max(m, n) >= 8;
        }

        /** Whether the wide operand is {@code B} (else the stored {@code A^T}). */
        boolean wideB() {
            return m <= 2 && !transB;
        }
    }

    /** The blocking of {@code K}: block size {@code q}, remainders rounded to multiples of {@code u}. */
    record Blocking(int q, int u) {

        /** The block ends for a shared dimension {@code k}, as OpenBLAS's level-3 driver cuts it. */
        int[] ends(int k) {
            int[] ends = new int[k / q + 2];
            int count = 0;
            for (int from = 0; from < k; ) {
                int len = k - from;
                if (len >= 2 * q) {
                    len = q;
                } else if (len > q) {
                    len = ((len / 2 + u - 1) / u) * u;
                }
                from += len;
                ends[count++] = from;
            }
            return java.util.Arrays.copyOf(ends, Math.max(count, 1));
        }
    }

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ConcurrentHashMap<Shape, int[]> BLOCKS = new ConcurrentHashMap<>();
    private static final int[] NONE = new int[0];

    private ThinGemm() {
    }

    /**
     * Computes {@code C = alpha op(A) op(B) + beta C} when the shape is thin and a blocking was found to match
     * {@code sgemm}'s; returns false (having done nothing) otherwise. Operands as {@link Gemm#gemm}: float,
     * with contiguous rows.
     */
    static boolean gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        Shape s = new Shape((int) c.rows(), (int) c.columns(), (int) (transA ? a.rows() : a.columns()), transA, transB,
                (float) alpha, (float) beta);
        if (!s.thin()) {
            return false;
        }
        int[] ends = blocks(s);
        if (ends == NONE) {
            return false;
        }
        compute(s, ends, a, b, c);
        return true;
    }

    /** Whether {@code s} is computed here (probing it the first time): for tests. */
    static boolean matched(Shape s) {
        return s.thin() && blocks(s) != NONE;
    }

    /** The block ends found for {@code s}, probing it the first time ({@link SgemmBlocking}); {@link #none()} if none matched. */
    private static int[] blocks(Shape s) {
        return BLOCKS.computeIfAbsent(s, SgemmBlocking::find);
    }

    static int[] none() {
        return NONE;
    }

    /**
     * The product in {@code sgemm}'s order with the given block ends of {@code K}: {@code C} is scaled by beta,
     * then each block is summed from zero and added times alpha. The wide operand is read in place.
     */
    static void compute(Shape s, int[] ends, INDArray a, INDArray b, INDArray c) {
        int k = s.k();
        int rows = s.wideB() ? s.m() : s.n();
        int width = s.wideB() ? s.n() : s.m();
        float[] cv = read(c);
        float[] small = new float[rows * k];
        float[] out = new float[rows * width];
        float[] other = read(s.wideB() ? a : b);
        int cols = (int) c.columns();
        for (int r = 0; r < rows; r++) {
            for (int kk = 0; kk < k; kk++) {
                small[r * k + kk] = s.wideB()
                        ? (s.transA() ? other[kk * s.m() + r] : other[r * k + kk])
                        : (s.transB() ? other[r * k + kk] : other[kk * s.n() + r]);
            }
            for (int j = 0; j < width; j++) {
                float v = s.wideB() ? cv[r * cols + j] : cv[j * cols + r];
                out[r * width + j] = s.beta() == 0f ? 0f : s.beta() == 1f ? v : s.beta() * v;
            }
        }
        INDArray wide = s.wideB() ? b : a;
        ByteBuffer buf = wide.data().asNio().order(ByteOrder.nativeOrder());
        sums(buf, (int) wide.offset(), stride(wide), width, ends, small, rows, k, s.alpha(), out);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                cv[s.wideB() ? r * cols + j : j * cols + r] = out[r * width + j];
            }
        }
        write(c, cv);
    }

    /**
     * {@code out[r, j] = fma(alpha, sum_k small[r, k] wide[k, j], out[r, j])} for each block of {@code K}, each
     * sum fused multiply-adds from zero in {@code k} order; {@code wide} is {@code [K, width]} at element
     * {@code offset} with row stride {@code ld}. Four vectors of columns at a time, then one, then single columns.
     */
    private static void sums(ByteBuffer wide, int offset, int ld, int width, int[] ends, float[] small, int rows, int k,
            float alpha, float[] out) {
        FloatVector alphaV = FloatVector.broadcast(SPECIES, alpha);
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            int j = 0;
            for (; j + 4 * LANES <= width; j += 4 * LANES) {
                FloatVector o0 = FloatVector.fromArray(SPECIES, out, o + j);
                FloatVector o1 = FloatVector.fromArray(SPECIES, out, o + j + LANES);
                FloatVector o2 = FloatVector.fromArray(SPECIES, out, o + j + 2 * LANES);
                FloatVector o3 = FloatVector.fromArray(SPECIES, out, o + j + 3 * LANES);
                int from = 0;
                for (int end : ends) {
                    FloatVector a0 = FloatVector.zero(SPECIES);
                    FloatVector a1 = a0;
                    FloatVector a2 = a0;
                    FloatVector a3 = a0;
                    for (int kk = from; kk < end; kk++) {
                        FloatVector x = FloatVector.broadcast(SPECIES, small[r * k + kk]);
                        int at = 4 * (offset + kk * ld + j);
                        a0 = x.fma(FloatVector.fromByteBuffer(SPECIES, wide, at, ByteOrder.nativeOrder()), a0);
                        a1 = x.fma(FloatVector.fromByteBuffer(SPECIES, wide, at + 4 * LANES, ByteOrder.nativeOrder()), a1);
                        a2 = x.fma(FloatVector.fromByteBuffer(SPECIES, wide, at + 8 * LANES, ByteOrder.nativeOrder()), a2);
                        a3 = x.fma(FloatVector.fromByteBuffer(SPECIES, wide, at + 12 * LANES, ByteOrder.nativeOrder()), a3);
                    }
                    o0 = alphaV.fma(a0, o0);
                    o1 = alphaV.fma(a1, o1);
                    o2 = alphaV.fma(a2, o2);
                    o3 = alphaV.fma(a3, o3);
                    from = end;
                }
                o0.intoArray(out, o + j);
                o1.intoArray(out, o + j + LANES);
                o2.intoArray(out, o + j + 2 * LANES);
                o3.intoArray(out, o + j + 3 * LANES);
            }
            for (; j + LANES <= width; j += LANES) {
                FloatVector o0 = FloatVector.fromArray(SPECIES, out, o + j);
                int from = 0;
                for (int end : ends) {
                    FloatVector a0 = FloatVector.zero(SPECIES);
                    for (int kk = from; kk < end; kk++) {
                        FloatVector x = FloatVector.broadcast(SPECIES, small[r * k + kk]);
                        a0 = x.fma(FloatVector.fromByteBuffer(SPECIES, wide, 4 * (offset + kk * ld + j), ByteOrder.nativeOrder()), a0);
                    }
                    o0 = alphaV.fma(a0, o0);
                    from = end;
                }
                o0.intoArray(out, o + j);
            }
            for (; j < width; j++) {
                int from = 0;
                for (int end : ends) {
                    float acc = 0f;
                    for (int kk = from; kk < end; kk++) {
                        acc = Math.fma(small[r * k + kk], wide.getFloat(4 * (offset + kk * ld + j)), acc);
                    }
                    out[o + j] = Math.fma(alpha, acc, out[o + j]);
                    from = end;
                }
            }
        }
    }

    /** A dense row-major copy of {@code m} (rows contiguous). */
    private static float[] read(INDArray m) {
        int rows = (int) m.rows();
        int cols = (int) m.columns();
        float[] v = new float[rows * cols];
        FloatBuffer buf = m.data().asNioFloat();
        int offset = (int) m.offset();
        int stride = stride(m);
        for (int r = 0; r < rows; r++) {
            buf.get(offset + r * stride, v, r * cols, cols);
        }
        return v;
    }

    private static void write(INDArray m, float[] v) {
        int rows = (int) m.rows();
        int cols = (int) m.columns();
        FloatBuffer buf = m.data().asNioFloat();
        int offset = (int) m.offset();
        int stride = stride(m);
        for (int r = 0; r < rows; r++) {
            buf.put(offset + r * stride, v, r * cols, cols);
        }
    }

    /** The distance between rows, in elements (for one row or a column vector, its width). */
    private static int stride(INDArray m) {
        return m.rows() == 1 ? (int) m.columns() : (int) m.stride(0);
    }
}
