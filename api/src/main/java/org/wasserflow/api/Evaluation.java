package org.wasserflow.api;

import java.util.random.RandomGenerator;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a {@link Metric} is given at an evaluation. The evaluation sets are fixed for the run (drawn once from
 * the run's seed, stratified for mixtures); only the generated points change.
 *
 * @param source the source evaluation set the generator is applied to, with its labels if any
 * @param generated {@code G(source)}, {@code [n, d]}, row i generated from source row i
 * @param data the data evaluation set, {@code [n_d, d]}, with labels if any
 * @param reference a second data set of the same size, independent of {@code data}, for floors
 *     (data against data) and baselines
 * @param mixture the data law's mixture structure, if it is one
 * @param rng a stream for metrics that draw (fixed per evaluation, derived from the run's seed)
 */
public record Evaluation(Sample source, INDArray generated, Sample data, Sample reference, Optional<Mixture> mixture,
        RandomGenerator rng) {
}
