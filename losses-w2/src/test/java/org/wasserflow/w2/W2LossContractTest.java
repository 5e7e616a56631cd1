package org.wasserflow.w2;

import org.wasserflow.api.Plugin;
import org.wasserflow.api.Loss;
import org.wasserflow.api.testkit.LossContract;

/** The W2 loss against the SPI's contract kit. */
class W2LossContractTest extends LossContract {

    @Override
    protected Plugin plugin() {
        return W2Module.LOSS;
    }

    @Override
    protected Loss loss() {
        return new W2Loss();
    }
}
