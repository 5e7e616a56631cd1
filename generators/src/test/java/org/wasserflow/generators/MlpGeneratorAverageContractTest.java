package org.wasserflow.generators;

import java.util.Map;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Setting;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.GeneratorContract;

/** The residual MLP generator with a parameter average ({@code generator.average=0.9}) meets the generator contract. */
class MlpGeneratorAverageContractTest extends GeneratorContract {

    @Override
    protected Plugin plugin() {
        return GeneratorsModule.MLP;
    }

    @Override
    protected Generator create(Settings settings) {
        return new MlpGenerator(averaged(settings), new Seed(3));
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("generator.average", "1");
    }

    /** {@code settings} with {@code generator.average = 0.9}. */
    static Settings averaged(Settings settings) {
        return new Settings() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(Setting<T> setting) {
                return setting == MlpGeneratorConfig.AVERAGE ? (T) Double.valueOf(0.9) : settings.get(setting);
            }
        };
    }
}
