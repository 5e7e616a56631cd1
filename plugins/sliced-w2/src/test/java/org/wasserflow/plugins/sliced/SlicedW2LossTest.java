package org.wasserflow.plugins.sliced;

import org.wasserflow.api.Loss;
import org.wasserflow.api.testkit.LossContract;

/** The loss against the SPI's contract kit. */
class SlicedW2LossTest extends LossContract {

    @Override
    protected Loss loss() {
        return new SlicedW2Loss();
    }
}
