package org.wasserflow.w2;

import java.util.Map;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.PotentialEstimatorContract;

/** The W2 neural dual against the SPI's contract kit (its velocity descends no closed-form objective). */
class W2ContractTest extends PotentialEstimatorContract {

    @Override
    protected Plugin plugin() {
        return W2Module.NEURAL_DUAL;
    }

    @Override
    protected PotentialEstimator create(Settings settings) {
        return new W2NeuralDual(settings, new Seed(5));
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("w2.penalty", "cubic", "w2.lambda", "-1", "critic.steps", "0", "critic.hidden", "0", "critic.threads", "3");
    }
}
