package org.wasserflow.problems.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A 1-nearest-neighbour classifier in Euclidean distance, computed with matrix products: for queries q and
 * fitted points p, {@code argmin_j |q - p_j|^2 = argmin_j (|p_j|^2 - 2 q . p_j)}, in blocks of queries so
 * that the score matrix stays small. Any dimension; queries must have the fitted points' dimension. Inputs are
 * not modified.
 */
final class NearestNeighbour {

    private static final int BLOCK = 1024;

    private final INDArray points;
    private final INDArray squaredNorms;
    private final int[] labels;

    /**
     * @param points {@code [n, d]}, kept by reference
     * @param labels {@code [n]}
     */
    NearestNeighbour(INDArray points, int[] labels) {
        if (points.rows() != labels.length) {
            throw new IllegalArgumentException(points.rows() + " points but " + labels.length + " labels");
        }
        this.points = points;
        this.squaredNorms = points.mul(points).sum(1).reshape(1, points.rows());
        this.labels = labels.clone();
    }

    /** The label of each query's nearest fitted point. */
    int[] predict(INDArray queries) {
        if (queries.columns() != points.columns()) {
            throw new IllegalArgumentException("queries of dimension " + queries.columns() + " for points of dimension "
                    + points.columns());
        }
        INDArray q = queries.castTo(points.dataType());
        int m = (int) q.rows();
        int[] out = new int[m];
        for (int start = 0; start < m; start += BLOCK) {
            int end = Math.min(m, start + BLOCK);
            INDArray block = q.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray scores = block.mmul(points.transpose()).muli(-2).addiRowVector(squaredNorms);
            long[] nearest = Nd4j.argMin(scores, 1).toLongVector();
            for (int i = 0; i < nearest.length; i++) {
                out[start + i] = labels[(int) nearest[i]];
            }
        }
        return out;
    }

    /** The fraction of queries whose predicted label equals theirs. */
    double accuracy(INDArray queries, int[] truth) {
        int[] predicted = predict(queries);
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(predicted.length + " queries but " + truth.length + " labels");
        }
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }
}
