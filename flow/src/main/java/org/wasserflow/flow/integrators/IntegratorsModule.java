package org.wasserflow.flow.integrators;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Plugin;

/**
 * The runner's own registrations: declares the set of plugins (so a class path without plugins gets an
 * empty set rather than a wiring error), and the Euler and Heun integrators.
 */
public final class IntegratorsModule extends AbstractModule {

    /** {@code integrator=euler}. */
    public static final Plugin EULER = Plugin.integrator(EulerIntegrator.NAME, EulerIntegrator.class, "forward Euler: zeta = y + eps v(y)");

    /** {@code integrator=heun}. */
    public static final Plugin HEUN = Plugin.integrator(HeunIntegrator.NAME, HeunIntegrator.class,
            "Heun's predictor-corrector, re-estimating the potential at the predicted law");

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(EULER);
        plugins.addBinding().toInstance(HEUN);
    }
}
