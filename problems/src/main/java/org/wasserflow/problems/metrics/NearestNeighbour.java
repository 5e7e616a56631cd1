package org.wasserflow.problems.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.ot.CostMatrix;

/**
 * A 1-nearest-neighbour classifier in Euclidean distance, by {@link CostMatrix#nearest} (squared norms and
 * matrix products in double, in blocks of queries). Any dimension; queries must have the fitted points'
 * dimension. Inputs are not modified.
 */
final class NearestNeighbour {

    private final INDArray points;
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
        this.labels = labels.clone();
    }

    /** The label of each query's nearest fitted point. */
    int[] predict(INDArray queries) {
        if (queries.columns() != points.columns()) {
            throw new IllegalArgumentException("queries of dimension " + queries.columns() + " for points of dimension "
                    + points.columns());
        }
        int[] nearest = CostMatrix.nearest(queries, points);
        int[] out = new int[nearest.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[nearest[i]];
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
