package org.wasserflow.flow.plugin;

import java.util.Map;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.PotentialEstimatorContract;
import org.wasserflow.ot.SinkhornPotential;
import org.wasserflow.w1.W1Loss;
import org.wasserflow.ot.OtModule;

/** The Sinkhorn potential with the W1 cost against the SPI's contract kit. */
class SinkhornContractTest extends PotentialEstimatorContract {

    @Override
    protected Plugin plugin() {
        return OtModule.SINKHORN;
    }

    @Override
    protected PotentialEstimator create(Settings settings) {
        return new SinkhornPotential(new W1Loss(), settings);
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("sinkhorn.epsilon", "0", "sinkhorn.scaling", "1.5", "sinkhorn.max_iterations", "0");
    }
}
