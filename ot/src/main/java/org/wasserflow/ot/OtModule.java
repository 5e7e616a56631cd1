package org.wasserflow.ot;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.wasserflow.api.PotentialEstimator;

/** Registers the exact discrete OT and Sinkhorn potentials as {@code potential=exact-ot|sinkhorn}, for every loss. */
public final class OtModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, PotentialEstimator> potentials = MapBinder.newMapBinder(binder(), String.class, PotentialEstimator.class);
        potentials.addBinding(ExactOtPotential.NAME).to(ExactOtPotential.class);
        potentials.addBinding(SinkhornPotential.NAME).to(SinkhornPotential.class);
    }
}
