package org.wasserflow.plugins.sliced;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PotentialEstimator;

/**
 * Registers {@code loss=sliced-w2} and its estimator {@code potential=sliced} (registry key
 * {@code sliced-w2/sliced}). Listed in {@code META-INF/services/com.google.inject.Module}, so dropping the
 * jar into the plugins directory is all it takes.
 */
public final class SlicedW2Module extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Loss.class).addBinding(SlicedW2Loss.NAME).to(SlicedW2Loss.class);
        MapBinder.newMapBinder(binder(), String.class, PotentialEstimator.class)
                .addBinding(SlicedW2Loss.NAME + "/" + SlicedPotential.NAME).to(SlicedPotential.class);
    }
}
