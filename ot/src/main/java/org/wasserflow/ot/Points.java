package org.wasserflow.ot;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Conversions from an ND4J point cloud {@code [n, d]} to the plain arrays the solvers take (copies). */
public final class Points {

    private Points() {
    }

    /** Row-major {@code double[n * d]}. */
    public static double[] flat(INDArray points) {
        return points.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** One {@code double[d]} per row. */
    public static double[][] rows(INDArray points) {
        double[] flat = flat(points);
        int d = points.columns();
        double[][] out = new double[points.rows()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }

    /**
     * The heap bytes of a cloud of {@code n} points of dimension {@code d} as {@link #rows} (array headers and
     * references included) together with its {@link #flat} copy.
     */
    public static long heapBytes(long n, int d) {
        return n * (16 + 8L * d + 4) + 8 * n * d;
    }
}
