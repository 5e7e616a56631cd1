package org.wasserflow.generators;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Plugin;

/** Registers the residual MLP generator as {@code generator=mlp} and particle mode as {@code generator=particles}. */
public final class GeneratorsModule extends AbstractModule {

    /** {@code generator=mlp}. */
    public static final Plugin MLP = Plugin.generator(MlpGenerator.NAME, MlpGenerator.class,
            "residual MLP G(z) = z + MLP(z) with batch norm, trained by regression")
            .settings(MlpGeneratorConfig.GROUP).provides(Capability.DESCEND)
            .memory(MlpGenerator::memory).blame(MlpGeneratorConfig.OPTIMIZER.lr());

    /** {@code generator=particles}. */
    public static final Plugin PARTICLES = Plugin.generator(ParticleGenerator.NAME, ParticleGenerator.class,
            "particle mode: the particles themselves move; no network").requires(Capability.FIXED_BATCH);

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(MLP);
        plugins.addBinding().toInstance(PARTICLES);
    }
}
