package org.wasserflow.problems.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Pairwise Euclidean distances between point clouds {@code [n, d]} in double precision, by matrix products:
 * {@code |a_i - b_j|^2 = |a_i|^2 + |b_j|^2 - 2 a_i . b_j}, clamped at 0, in blocks of rows of {@code a} so that
 * memory stays at {@code BLOCK x m} doubles. Inputs are not modified.
 */
final class Distances {

    private static final int BLOCK = 512;

    private Distances() {
    }

    /** {@code (1 / (n m)) sum_ij |a_i - b_j|}, every pair including {@code i = j} when {@code a} is {@code b}. */
    static double meanDistance(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE);
        INDArray y = b.castTo(DataType.DOUBLE);
        check(x, y);
        INDArray yt = y.transpose();
        INDArray yn = y.mul(y).sum(1).reshape(1, y.rows());
        double sum = 0;
        for (int start = 0; start < x.rows(); start += BLOCK) {
            int end = (int) Math.min(x.rows(), start + BLOCK);
            INDArray block = x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray squared = squared(block, yt, yn);
            sum += Transforms.sqrt(squared, false).sumNumber().doubleValue();
        }
        return sum / ((double) x.rows() * y.rows());
    }

    /** The {@code [n, m]} double matrix of {@code |a_i - b_j|^2}. */
    static INDArray squaredDistances(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE);
        INDArray y = b.castTo(DataType.DOUBLE);
        check(x, y);
        return squared(x, y.transpose(), y.mul(y).sum(1).reshape(1, y.rows()));
    }

    private static INDArray squared(INDArray x, INDArray yt, INDArray yn) {
        INDArray xn = x.mul(x).sum(1).reshape(x.rows(), 1);
        INDArray d2 = x.mmul(yt).muli(-2).addiColumnVector(xn).addiRowVector(yn);
        return Transforms.max(d2, 0.0, false);
    }

    private static void check(INDArray x, INDArray y) {
        if (x.rank() != 2 || y.rank() != 2 || x.columns() != y.columns()) {
            throw new IllegalArgumentException("point clouds [n, d] of one dimension expected, got "
                    + java.util.Arrays.toString(x.shape()) + " and " + java.util.Arrays.toString(y.shape()));
        }
    }
}
