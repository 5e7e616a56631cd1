package org.wasserflow.w1;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PotentialEstimator;

/**
 * Registers the W1-FE loss as {@code loss=w1} and its critic as {@code potential=neural-dual} (registry key
 * {@code w1/neural-dual}). The exact-OT and Sinkhorn potentials serve W1 through {@link W1Loss#cost()}.
 */
public final class W1Module extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Loss.class).addBinding(W1Loss.NAME).to(W1Loss.class);
        MapBinder.newMapBinder(binder(), String.class, PotentialEstimator.class)
                .addBinding(W1Loss.NAME + "/" + W1NeuralCritic.NAME).to(W1NeuralCritic.class);
    }
}
