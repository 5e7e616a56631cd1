package org.wasserflow.ot;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.wasserflow.api.PotentialEstimator;

/** Registers the exact discrete OT potential as {@code potential=exact-ot}, for every loss. */
public final class OtModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, PotentialEstimator.class)
                .addBinding(ExactOtPotential.NAME).to(ExactOtPotential.class);
    }
}
