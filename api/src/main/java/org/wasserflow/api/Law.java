package org.wasserflow.api;

import java.util.random.RandomGenerator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A probability law on R^d that a run draws from: the source law a generator pushes forward, the data law
 * it is trained towards, or an evaluation set. Laws are selected by name for each role ({@code source=},
 * {@code data=}, {@code eval_data=}); the same plugin serves every role, reading its keys under the role's
 * prefix ({@code source.std}, {@code data.std}; declared under the prefix {@value #PREFIX} and rebased).
 *
 * <p>Randomness comes from the stream the runner passes (one per role and purpose, derived from the run's
 * seed), so a law holds no random state. Arrays are float, row per sample.
 *
 * <p>A finite law (a data file) has a {@link #size()} and returns rows by index ({@link #rows}). The runner
 * trains on it by epochs: each epoch is a random permutation of {@code 0..size()-1} cut into minibatches, so
 * rows are drawn without replacement within an epoch and every row is seen once per epoch. A finite law's own
 * {@link #sample} draws rows uniformly with replacement, for callers that want independent draws (evaluation
 * sets, sample grids). Its rows are read, checked and held when it is constructed, so that a bad file stops the
 * run before training.
 */
public interface Law {

    /** The prefix under which law plugins declare their settings; the runner rebases it to the role's. */
    String PREFIX = "law";

    /** The dimension d of a sample. */
    int dimension();

    /**
     * {@code m} independent samples: shape {@code [m, dimension()]}, float, labels iff {@link #labelled()}; a
     * finite law draws its rows uniformly with replacement.
     *
     * @param rng the stream to draw from; advanced by the draw
     */
    Sample sample(int m, RandomGenerator rng);

    /**
     * {@code m} samples for an evaluation set: by default {@link #sample}; a mixture returns exact component
     * proportions (stratified), so that a distance between two such sets measures shape rather than the
     * multinomial imbalance of the components; a source law may return points spread evenly over it
     * (quasi-random), so that the generated set is as balanced as the generator allows and a perfect generator
     * scores near such a floor.
     */
    default Sample stratified(int m, RandomGenerator rng) {
        return sample(m, rng);
    }

    /** The number of rows of a finite law (a data set); empty for a law one can draw from without end. */
    default OptionalInt size() {
        return OptionalInt.empty();
    }

    /**
     * The rows at {@code indices} of a finite law, in that order.
     *
     * @throws UnsupportedOperationException for a law without a {@link #size()}
     */
    default Sample rows(int[] indices) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no rows");
    }

    /** Whether samples carry labels. */
    default boolean labelled() {
        return false;
    }

    /**
     * The side {@code s} of an image law: each sample is a square grey image of {@code s x s} pixels, row-major, on
     * the scale [-1, 1] ({@code dimension() == s * s}; a law fitted to images, such as a Gaussian, may leave the
     * range); empty for a law whose samples are not images. Image metrics
     * require it of the data ({@link Capability#IMAGES}) and pictures of image laws are tile grids.
     */
    default OptionalInt imageSide() {
        return OptionalInt.empty();
    }

    /** The mixture structure, for laws that are Gaussian mixtures. */
    default Optional<Mixture> mixture() {
        return Optional.empty();
    }

    /**
     * What a run's provenance should record about this law: for a file, its path, SHA-256, row count and any
     * standardisation. Empty by default.
     */
    default Map<String, String> provenance() {
        return Map.of();
    }
}
