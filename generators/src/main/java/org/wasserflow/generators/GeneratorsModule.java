package org.wasserflow.generators;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.wasserflow.api.Generator;

/** Registers the residual MLP generator as {@code generator=mlp}. */
public final class GeneratorsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Generator.class).addBinding(MlpGenerator.NAME).to(MlpGenerator.class);
    }
}
