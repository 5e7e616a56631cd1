package org.wasserflow.w1;

import java.util.Map;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.PotentialEstimatorContract;

/** The W1 critic against the SPI's contract kit (its velocity descends no closed-form objective). */
class W1ContractTest extends PotentialEstimatorContract {

    @Override
    protected Plugin plugin() {
        return W1Module.NEURAL_DUAL;
    }

    @Override
    protected PotentialEstimator create(Settings settings) {
        return new W1NeuralCritic(settings, new Seed(5));
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("w1.penalty", "l2", "w1.lambda", "-1", "critic.adapt_steps", "-1");
    }
}
