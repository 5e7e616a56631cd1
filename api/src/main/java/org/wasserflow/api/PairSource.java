package org.wasserflow.api;

/** Draws fresh, independent minibatch pairs: generated samples (no gradient into the generator) and data. */
@FunctionalInterface
public interface PairSource {

    /** The next pair; every call draws new samples. */
    Pair next();
}
