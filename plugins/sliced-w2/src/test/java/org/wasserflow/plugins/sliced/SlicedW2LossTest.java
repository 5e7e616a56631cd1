package org.wasserflow.plugins.sliced;

import org.wasserflow.api.Plugin;
import org.wasserflow.api.Loss;
import org.wasserflow.api.testkit.LossContract;

/** The loss against the SPI's contract kit. */
class SlicedW2LossTest extends LossContract {

    @Override
    protected Plugin plugin() {
        return SlicedW2Module.LOSS;
    }

    @Override
    protected Loss loss() {
        return new SlicedW2Loss();
    }
}
