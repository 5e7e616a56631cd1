package org.wasserflow.api;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Estimates the Kantorovich potential {@code phi} between the law of the generated samples and the data
 * law, and from it the velocity {@code v = -grad phi} of the gradient flow (docs/math.md sections 2-4).
 *
 * <p>Estimators may be stateful (neural potentials keep their networks between calls) and are used by
 * one training loop at a time. Arrays are {@code [m, d]}, float, row per sample; inputs are never
 * modified.
 */
public interface PotentialEstimator {

    /**
     * The velocity {@code -grad phi(y_i)} at every generated point for the flow from the law of
     * {@code generated} towards the law of {@code data}, in the units of the data.
     *
     * @param generated {@code [m, d]} samples of the current generated law
     * @param data {@code [n, d]} samples of the data law
     * @return a new {@code [m, d]} array
     */
    INDArray velocity(INDArray generated, INDArray data);

    /**
     * Refines the estimate on fresh pairs before {@link #velocity} is asked (the critic updates of
     * W2-FE and W1-FE). Estimators that solve from scratch in {@link #velocity} do nothing.
     *
     * @return diagnostics of the last update by name (e.g. the dual objective), possibly empty
     */
    default Map<String, Double> fit(PairSource pairs) {
        return Map.of();
    }

    /**
     * The names of the diagnostics {@link #fit} returns, in a stable order: each becomes a column of the run's
     * {@code metrics.csv} (NaN where a fit did not report it). None by default.
     */
    default List<String> diagnostics() {
        return List.of();
    }

    /**
     * Re-estimates the potential for a nearby law before {@link #velocity} is asked at it (the corrector
     * of Heun's method, docs/math.md section 5). Estimators that solve from scratch in {@link #velocity} need
     * nothing; fitted ones (neural) take a few warm-started steps on {@code (generated, data)}.
     */
    default void adapt(INDArray generated, INDArray data) {
    }

    /**
     * What a run's provenance should record about this estimator: the values it derived at run time from its
     * settings (a learning rate whose setting is {@code auto}, as the number used), keyed by the setting's key. Read
     * after {@link #fit}; empty by default.
     */
    default Map<String, String> provenance() {
        return Map.of();
    }

    /**
     * Everything a checkpoint must save to continue this estimator exactly: named arrays (parameters, optimiser
     * moments, the state of its random streams), copies that later steps do not change. Empty for a estimator
     * without state (the default).
     */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /**
     * Continues from what {@link #state} returned, on an instance constructed with the same settings and seed:
     * after it, this estimator behaves exactly as the saved one would have, bit for bit.
     *
     * @throws IllegalArgumentException if {@code state} is not what this estimator saves
     */
    default void restore(Map<String, INDArray> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException("estimator has no state to restore, but a checkpoint holds " + state.keySet());
        }
    }

    /**
     * The floating-point operations of the matrix products this estimator has performed so far ({@code 2 M N K} per
     * product), for benchmarks that compare the achieved rate with the machine's GEMM rate; 0 where not counted
     * (the default). Read it between calls.
     */
    default long flops() {
        return 0;
    }
}
