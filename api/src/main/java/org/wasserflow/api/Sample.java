package org.wasserflow.api;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Points drawn from a {@link Law}, with their labels where the law has them (a digit's class, a mixture
 * component's index).
 *
 * @param points {@code [m, d]}, float, row per sample
 * @param labels one label per row, or null for an unlabelled law
 */
public record Sample(INDArray points, int[] labels) {

    public Sample {
        Objects.requireNonNull(points, "points");
        if (points.rank() != 2) {
            throw new IllegalArgumentException("sample points must be [m, d], got " + Arrays.toString(points.shape()));
        }
        if (labels != null && labels.length != points.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + points.rows() + " points");
        }
        labels = labels == null ? null : labels.clone();
    }

    /** An unlabelled sample. */
    public static Sample of(INDArray points) {
        return new Sample(points, null);
    }

    /** The labels, if the law has them. */
    public Optional<int[]> labelsIfAny() {
        return Optional.ofNullable(labels).map(int[]::clone);
    }

    @Override
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** The number of points. */
    public int size() {
        return (int) points.rows();
    }
}
