package org.wasserflow.runners.experiment;

import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Generator;

/**
 * A benchmark: the source law, the data law and the metrics of docs/math.md section 6. Registered by name like
 * the plugins ({@link org.wasserflow.runners.plugin.CoreModule#EXPERIMENT}). Draws are seeded from the run's
 * seed; stateful, one run at a time.
 */
public interface Experiment {

    /** The logical name, e.g. {@code ring}. */
    String name();

    /** {@code m} fresh source samples {@code [m, sourceDim]}, float. */
    INDArray source(int m);

    /** {@code m} fresh data samples {@code [m, d]}, float. */
    INDArray data(int m);

    /** The number of source samples {@link #evaluate} pushes through the generator at once. */
    int evaluationBatch();

    /** Metrics of the generator on the experiment's fixed evaluation set, in a stable order. */
    Map<String, Double> evaluate(Generator generator);

    /** Writes a picture of generated against data samples; experiments without one do nothing. */
    default void plot(Generator generator, Path png) throws java.io.IOException {
    }
}
