package org.wasserflow.generators;

import java.util.Map;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.GeneratorContract;

/** The residual MLP generator meets the generator contract. */
class MlpGeneratorContractTest extends GeneratorContract {

    @Override
    protected Plugin plugin() {
        return GeneratorsModule.MLP;
    }

    @Override
    protected Generator create(Settings settings) {
        return new MlpGenerator(settings, new Seed(3));
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("generator.lr", "-1", "generator.output", "sigmoid");
    }
}
