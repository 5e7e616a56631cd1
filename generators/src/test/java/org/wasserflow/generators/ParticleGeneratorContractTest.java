package org.wasserflow.generators;

import org.wasserflow.api.Generator;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.GeneratorContract;

/** Particle mode meets the generator contract (it declares no gradient steps and maps no single point, so those checks are skipped). */
class ParticleGeneratorContractTest extends GeneratorContract {

    @Override
    protected Plugin plugin() {
        return GeneratorsModule.PARTICLES;
    }

    @Override
    protected Generator create(Settings settings) {
        return new ParticleGenerator();
    }

    /** Its inference returns the particles themselves, however many points are asked for. */
    @Override
    protected boolean infersEachPoint() {
        return false;
    }
}
