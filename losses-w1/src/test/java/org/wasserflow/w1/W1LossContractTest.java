package org.wasserflow.w1;

import org.wasserflow.api.Plugin;
import org.wasserflow.api.Loss;
import org.wasserflow.api.testkit.LossContract;

/** The W1 loss against the SPI's contract kit. */
class W1LossContractTest extends LossContract {

    @Override
    protected Plugin plugin() {
        return W1Module.LOSS;
    }

    @Override
    protected Loss loss() {
        return new W1Loss();
    }
}
