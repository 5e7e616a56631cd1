package org.wasserflow.nn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code C = alpha op(A) op(B) + beta C} into a preallocated {@code C}, for the networks' passes and the
 * bench's rate measurement. On ND4J's CPU backend, float matrices whose rows are contiguous (whole arrays,
 * row blocks of them, and row blocks of column vectors, which ND4J reports as 'f'-ordered) go straight to the
 * OpenBLAS {@code sgemm} that ND4J itself calls, with the same arguments, so the result is the same bit for
 * bit; what is skipped is ND4J's per-call op object, context and checks (10-40 us a call, as much as a thin
 * product's arithmetic). Thin products among them are computed by {@link ThinGemm} in {@code sgemm}'s own
 * order where its probe found that order. Any other backend or layout goes through {@link Nd4j#gemm}.
 */
public final class Gemm {

    private static final boolean DIRECT = available();

    /** Whether the JVM runs with the incubating Vector API ({@code --add-modules jdk.incubator.vector}) that {@link ThinGemm} needs. */
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Gemm() {
    }

    /**
     * @param a {@code [M, K]}, or {@code [K, M]} when {@code transA}
     * @param b {@code [K, N]}, or {@code [N, K]} when {@code transB}
     * @param c {@code [M, N]}, overwritten (scaled by {@code beta} first)
     */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        if (DIRECT && rowsContiguous(a) && rowsContiguous(b) && rowsContiguous(c)) {
            if (!VECTOR || !ThinGemm.gemm(a, b, c, transA, transB, alpha, beta)) {
                Direct.sgemm(a, b, c, transA, transB, alpha, beta);
            }
        } else {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
        }
    }

    /** OpenBLAS's {@code sgemm} itself, for operands with contiguous rows on the CPU backend (see {@link #direct()}). */
    static void sgemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        Direct.sgemm(a, b, c, transA, transB, alpha, beta);
    }

    /** Whether the direct call is used for eligible arrays (the CPU backend with its OpenBLAS present). */
    static boolean direct() {
        return DIRECT;
    }

    private static boolean available() {
        if (!Nd4j.getBackend().getClass().getSimpleName().equals("CpuBackend")) {
            return false;
        }
        try {
            Class.forName("org.bytedeco.openblas.global.openblas_nolapack", false, Gemm.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean rowsContiguous(INDArray m) {
        return m.dataType() == DataType.FLOAT && m.rank() == 2 && (m.ordering() == 'c' || m.columns() == 1)
                && (m.columns() == 1 || m.stride(1) == 1) && (m.rows() == 1 || m.stride(0) >= m.columns());
    }

    /** The direct call; loaded only when {@link #DIRECT}, so other backends never link OpenBLAS. */
    private static final class Direct {

        static void sgemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
            int m = (int) c.rows();
            int n = (int) c.columns();
            int k = (int) (transA ? a.rows() : a.columns());
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                    transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                    transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                    m, n, k, (float) alpha, pointer(a), leading(a), pointer(b), leading(b), (float) beta, pointer(c), leading(c));
        }

        /** The first element of {@code m}: a view's buffer already starts at the view's offset. */
        private static FloatPointer pointer(INDArray m) {
            return new FloatPointer(m.data().addressPointer());
        }

        private static int leading(INDArray m) {
            return (int) (m.rows() == 1 ? Math.max(1, m.columns()) : m.stride(0));
        }
    }
}
