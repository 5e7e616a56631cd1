package org.wasserflow.nn;

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
    private int iteration;

    /**
     * @param params the parameters updated in place
     * @param config learning rate and moment decay rates
     */
    public Adam(Parameters params, OptimizerConfig config) {
        this.params = params;
        this.updater = new AdamUpdater(new org.nd4j.linalg.learning.config.Adam(
                config.learningRate(), config.beta1(), config.beta2(), config.epsilon()));
        INDArray state = Nd4j.zeros(params.values().dataType(), 1, 2 * params.size());
        updater.setStateViewArray(state, new long[] {1, params.size()}, 'c', true);
    }

    @Override
    public void step() {
        INDArray g = params.grads().reshape(1, params.size());
        updater.applyUpdater(g, iteration++, 0);
        params.values().subi(params.grads());
        params.zeroGrad();
    }
}
