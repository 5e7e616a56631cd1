package org.wasserflow.plugins.sliced;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Plugin;

/**
 * Registers {@code loss=sliced-w2} and its estimator {@code potential=sliced}, which belongs to that loss. Listed
 * in {@code META-INF/services/com.google.inject.Module}, so dropping the jar into the plugins directory is all
 * it takes.
 */
public final class SlicedW2Module extends AbstractModule {

    /** {@code loss=sliced-w2}. */
    public static final Plugin LOSS = Plugin.loss(SlicedW2Loss.NAME, SlicedW2Loss.class,
            "sliced W2: W2 along random 1-D directions (Liutkus et al. 2019)").provides(Capability.GROUND_COST);

    /** {@code potential=sliced} with {@code loss=sliced-w2}. */
    public static final Plugin SLICED = Plugin.potential(SlicedPotential.NAME, SlicedPotential.class,
            "velocity from sorted 1-D matchings along random directions")
            .forLoss(SlicedW2Loss.NAME).settings(SlicedConfig.GROUP).memory(SlicedPotential::memory);

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(LOSS);
        plugins.addBinding().toInstance(SLICED);
    }
}
