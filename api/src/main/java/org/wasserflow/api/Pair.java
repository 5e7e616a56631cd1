package org.wasserflow.api;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A minibatch of generated samples and a minibatch of data samples, both {@code [m, d]} with the same d.
 *
 * @param generated samples of the current generated law
 * @param data samples of the data law
 */
public record Pair(INDArray generated, INDArray data) {

    public Pair {
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(data, "data");
        if (generated.rank() != 2 || data.rank() != 2 || generated.columns() != data.columns()) {
            throw new IllegalArgumentException("pair shapes differ: generated "
                    + java.util.Arrays.toString(generated.shape()) + ", data " + java.util.Arrays.toString(data.shape()));
        }
    }
}
