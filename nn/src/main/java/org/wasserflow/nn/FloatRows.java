package org.wasserflow.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Small row-wise operations on the dual's point blocks ({@code [m, d]}, {@code d} of 2 on the ring) in Java,
 * where every array is float and dense ({@link Kernels#dense}): on such small arrays an ND4J op costs its
 * dispatch (10-30 us, with shape buffers for the deallocator threads), not its arithmetic. Each computes, element
 * by element, the same float operations in the same order as the ND4J ops named, which it uses for any
 * other array, so the result is the same bit for bit.
 */
public final class FloatRows {

    private FloatRows() {
    }

    /** {@code to = from} (ND4J {@code assign}); same shape. */
    public static void copy(INDArray from, INDArray to) {
        if (Kernels.dense(from, to) && from.length() == to.length()) {
            int n = (int) from.length();
            Kernels.write(to, Kernels.read(from, new float[n]), n);
        } else {
            to.assign(from);
        }
    }

    /**
     * {@code into = (p - q) w + q}, {@code w} a column of one weight per row (ND4J: {@code into.assign(p).subi(q)
     * .muliColumnVector(w).addi(q)}).
     */
    public static void interpolate(INDArray p, INDArray q, INDArray w, INDArray into) {
        if (!Kernels.dense(p, q, w, into) || w.length() != p.rows() || p.length() != into.length()) {
            into.assign(p).subi(q).muliColumnVector(w).addi(q);
            return;
        }
        int n = (int) p.length();
        int d = (int) p.columns();
        float[] pv = Kernels.read(p, new float[n]);
        float[] qv = Kernels.read(q, new float[n]);
        float[] wv = Kernels.read(w, new float[(int) w.length()]);
        for (int i = 0; i < n; i++) {
            pv[i] = (pv[i] - qv[i]) * wv[i / d] + qv[i];
        }
        Kernels.write(into, pv, n);
    }

    /** {@code into = p - g} (ND4J {@code p.sub(g, into)}); returns {@code into}. */
    public static INDArray subtract(INDArray p, INDArray g, INDArray into) {
        if (!Kernels.dense(p, g, into) || p.length() != g.length() || p.length() != into.length()) {
            return p.sub(g, into);
        }
        int n = (int) p.length();
        float[] pv = Kernels.read(p, new float[n]);
        float[] gv = Kernels.read(g, new float[n]);
        for (int i = 0; i < n; i++) {
            pv[i] = pv[i] - gv[i];
        }
        Kernels.write(into, pv, n);
        return into;
    }
}
