package org.wasserflow.ot;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Plugin;

/** Registers the exact discrete OT and Sinkhorn potentials as {@code potential=exact-ot|sinkhorn}, for every loss with a ground cost. */
public final class OtModule extends AbstractModule {

    /** {@code potential=exact-ot}, for any loss with a ground cost. */
    public static final Plugin EXACT_OT = Plugin.potential(ExactOtPotential.NAME, ExactOtPotential.class,
            "exact assignment between the batches for the loss's ground cost; velocity the pull to each partner")
            .requires(Capability.GROUND_COST, Capability.EQUAL_BATCHES).memory(ExactOtPotential::memory);

    /** {@code potential=sinkhorn}, for any loss with a ground cost. */
    public static final Plugin SINKHORN = Plugin.potential(SinkhornPotential.NAME, SinkhornPotential.class,
            "stabilised log-domain Sinkhorn; velocity by the soft c-transform")
            .settings(SinkhornConfig.GROUP).requires(Capability.GROUND_COST)
            .memory(SinkhornPotential::memory).blame(SinkhornConfig.EPSILON);

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(EXACT_OT);
        plugins.addBinding().toInstance(SINKHORN);
    }
}
