package org.wasserflow.problems.metrics;

import java.util.Arrays;
import org.wasserflow.ot.CostMatrix;

/**
 * The squared distances between two row-major point clouds, {@code y [n, d]} and {@code x [m, d]}, handed out
 * in blocks of at most {@value #BLOCK} rows of {@code y} ({@link CostMatrix#squared}: double precision, exact 0
 * for coincident points), so that a pass over all pairs holds {@code BLOCK x m} doubles at a time.
 */
final class PairBlocks {

    /** Rows of {@code y} per block. */
    static final int BLOCK = 512;

    /** Receives the row-major {@code rows x m} squared distances of rows {@code start..start+rows} of {@code y}. */
    interface Visitor {
        void visit(int start, int rows, double[] squared);
    }

    private PairBlocks() {
    }

    /** Visits every block of squared distances of {@code y} against {@code x}, in row order. */
    static void forEach(double[] y, double[] x, int d, Visitor visitor) {
        int n = y.length / d;
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            visitor.visit(start, end - start, CostMatrix.squared(Arrays.copyOfRange(y, start * d, end * d), x, d));
        }
    }
}
