package org.wasserflow.api;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A parametric generator {@code G_theta} representing the flow's current law as the push-forward of a
 * source law. Persistent training (docs/math.md section 2) fits it to the moved samples by regression.
 *
 * <p>Stateful (parameters and optimiser state) and used by one training loop at a time. Arrays are float,
 * row per sample; inputs are never modified.
 *
 * <p>Two modes, as PyTorch's {@code train()} and {@code eval()}: training code pushes batches through
 * {@link #generate} (and steps with {@link #regress} or {@link #descend}), whose result may depend on the whole
 * batch (batch statistics) and which may update state kept for inference (running statistics); everything that
 * reports or exports the trained map (the run's metrics, its sample plot, {@code sample}, {@code transport})
 * calls {@link #infer}, so the logged metrics describe what {@code sample} returns.
 */
public interface Generator {

    /**
     * Pushes source samples through the generator in training mode: the pass whose outputs training moves and
     * regresses on. A row's image may depend on the other rows of the batch (batch norm with the batch's
     * statistics), and the call may update state that only {@link #infer} reads.
     *
     * @param source {@code [m, sourceDim]}
     * @return a new {@code [m, d]} array
     */
    INDArray generate(INDArray source);

    /**
     * The trained map in inference mode: row {@code i} of the result is the image of row {@code i} of
     * {@code source}, a function of that row and the generator's state only, so a point has the same image, to
     * float rounding, alone or inside any batch, and any number of calls changes no state that training or
     * later calls see. Evaluation, {@code sample} and {@code transport} use it. The default returns
     * {@link #generate}, right for a generator whose training pass has no batch-dependent layer and updates no
     * state; a generator whose law is a fixed set of points rather than a map of the source (particle mode)
     * says what it returns instead.
     *
     * @param source {@code [m, sourceDim]}
     * @return a new {@code [m, d]} array
     */
    default INDArray infer(INDArray source) {
        return generate(source);
    }

    /**
     * One optimiser step descending the regression loss {@code mean_{i,k} (G(z_i) - target_i)_k^2}, the mean
     * over all {@code m x d} coordinates (PyTorch's {@code MSELoss}); targets are constants (no gradient flows
     * into them). Its gradient with respect to {@code G(z_i)} is {@code 2 (G(z_i) - target_i) / (m d)}. A
     * generator may offer other regression losses by a setting (the MLP's {@code generator.regression}); the
     * squared loss is the default and the papers'.
     *
     * @param source {@code [m, sourceDim]}
     * @param target {@code [m, d]}
     * @return the regression loss before the step
     */
    double regress(INDArray source, INDArray target);

    /**
     * One optimiser step descending a loss given only through its gradient with respect to the outputs,
     * held constant over the step: for the GAN generator losses, {@code -mean_i f(G(z_i))} (WGAN) or
     * {@code mean_i phi(G(z_i))} (W2GAN), it is {@code -v(G(z_i)) / m} with v the velocity field. Generators
     * without parameters (particle mode) do not support it.
     *
     * @param source {@code [m, sourceDim]}
     * @param outputGradient {@code [m, d]}, the loss's gradient at {@code G(z_i)}; not modified
     * @throws UnsupportedOperationException if this generator has no parameters to descend
     */
    default void descend(INDArray source, INDArray outputGradient) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no parameters to descend");
    }

    /**
     * Everything a checkpoint must save to continue this generator exactly: named arrays (parameters, optimiser
     * moments, the state of its random streams), copies that later steps do not change. Empty for a generator
     * without state (the default).
     */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /**
     * Continues from what {@link #state} returned, on an instance constructed with the same settings and seed:
     * after it, this generator behaves exactly as the saved one would have, bit for bit.
     *
     * @throws IllegalArgumentException if {@code state} is not what this generator saves
     */
    default void restore(Map<String, INDArray> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException("generator has no state to restore, but a checkpoint holds " + state.keySet());
        }
    }

    /**
     * The floating-point operations of the matrix products this generator has performed so far ({@code 2 M N K} per
     * product), for benchmarks that compare the achieved rate with the machine's GEMM rate; 0 where not counted
     * (the default). Read it between calls.
     */
    default long flops() {
        return 0;
    }
}
