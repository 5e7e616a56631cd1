package org.wasserflow.nn;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;

/**
 * Adam (Kingma &amp; Ba 2015) over a {@link Parameters} block, using ND4J's fused updater. {@link #step}
 * descends the accumulated gradient and then clears it.
 */
public final class Adam implements Optimizer {

    private final Parameters params;
    private final AdamUpdater updater;
    private final INDArray moments;
    private int iteration;

    /**
     * @param params the parameters updated in place
     * @param config learning rate and moment decay rates
     */
    public Adam(Parameters params, OptimizerConfig config) {
        this.params = params;
        this.updater = new AdamUpdater(new org.nd4j.linalg.learning.config.Adam(
                config.learningRate(), config.beta1(), config.beta2(), config.epsilon()));
        this.moments = Nd4j.zeros(params.values().dataType(), 1, 2 * params.size());
        updater.setStateViewArray(moments, new long[] {1, params.size()}, 'c', true);
    }

    @Override
    public void step() {
        INDArray g = params.grads().reshape(1, params.size());
        updater.applyUpdater(g, iteration++, 0);
        params.values().subi(params.grads());
        params.zeroGrad();
    }

    /** The first and second moments ({@code moments}, {@code [1, 2 n]}) and the step count ({@code steps}). */
    @Override
    public Map<String, INDArray> state() {
        return Map.of("moments", moments.dup(), "steps", Nd4j.createFromArray((long) iteration));
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        moments.assign(States.require(state, "moments", moments.shape()));
        iteration = (int) States.require(state, "steps", new long[] {1}).getLong(0);
    }
}
