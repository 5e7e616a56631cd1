package org.wasserflow.w2;

import java.util.Map;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.PotentialEstimatorContract;

/** The W2 neural map against the SPI's contract kit (its velocity descends no closed-form objective). */
class W2NeuralMapContractTest extends PotentialEstimatorContract {

    @Override
    protected Plugin plugin() {
        return W2Module.NEURAL_MAP;
    }

    @Override
    protected PotentialEstimator create(Settings settings) {
        return new W2NeuralMap(settings, new Seed(5));
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("map.hidden", "0", "map.inner_steps", "0", "map.lr", "-1", "map.init_std", "0", "critic.steps", "0",
                "map.potential.lr", "0");
    }
}
