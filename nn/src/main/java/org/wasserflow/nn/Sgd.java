package org.wasserflow.nn;

/** Plain gradient descent, {@code theta -= lr * grad}, over a {@link Parameters} block. */
public final class Sgd implements Optimizer {

    private final Parameters params;
    private final double learningRate;

    /**
     * @param params the parameters updated in place
     * @param learningRate the step size, positive
     */
    public Sgd(Parameters params, double learningRate) {
        this.params = params;
        this.learningRate = learningRate;
    }

    @Override
    public void step() {
        params.values().subi(params.grads().muli(learningRate));
        params.zeroGrad();
    }
}
