package org.wasserflow.generators;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.wasserflow.api.Generator;

/** Registers the residual MLP generator as {@code generator=mlp} and particle mode as {@code generator=particles}. */
public final class GeneratorsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, Generator> generators = MapBinder.newMapBinder(binder(), String.class, Generator.class);
        generators.addBinding(MlpGenerator.NAME).to(MlpGenerator.class);
        generators.addBinding(ParticleGenerator.NAME).to(ParticleGenerator.class);
    }
}
