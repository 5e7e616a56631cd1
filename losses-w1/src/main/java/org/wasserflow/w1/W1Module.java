package org.wasserflow.w1;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Plugin;
import org.wasserflow.nn.CriticConfig;

/**
 * Registers the W1-FE loss as {@code loss=w1} and its critic as {@code potential=neural-dual} for that loss.
 * The exact-OT and Sinkhorn potentials serve W1 through {@link W1Loss#cost()}.
 */
public final class W1Module extends AbstractModule {

    /** {@code loss=w1}. */
    public static final Plugin LOSS = Plugin.loss(W1Loss.NAME, W1Loss.class, "W1-FE: the W1 loss, cost |y - x| (Malik & Huang)")
            .provides(Capability.GROUND_COST);

    /** {@code potential=neural-dual} with {@code loss=w1}. */
    public static final Plugin NEURAL_DUAL = Plugin.potential(W1NeuralCritic.NAME, W1NeuralCritic.class,
            "one MLP critic f with a gradient penalty; velocity +grad f")
            .forLoss(W1Loss.NAME).settings(W1CriticConfig.GROUP, CriticConfig.GROUP)
            .memory(W1NeuralCritic::memory).blame(CriticConfig.OPTIMIZER.lr());

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(LOSS);
        plugins.addBinding().toInstance(NEURAL_DUAL);
    }
}
