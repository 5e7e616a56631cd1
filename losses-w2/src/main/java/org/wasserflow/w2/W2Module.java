package org.wasserflow.w2;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PotentialEstimator;

/**
 * Registers the W2-FE loss as {@code loss=w2} and its neural dual as {@code potential=neural-dual}
 * (registry key {@code w2/neural-dual}: estimators specific to a loss are keyed {@code <loss>/<name>}).
 */
public final class W2Module extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Loss.class).addBinding(W2Loss.NAME).to(W2Loss.class);
        MapBinder.newMapBinder(binder(), String.class, PotentialEstimator.class)
                .addBinding(W2Loss.NAME + "/" + W2NeuralDual.NAME).to(W2NeuralDual.class);
    }
}
