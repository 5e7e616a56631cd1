package org.wasserflow.runners.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.runners.experiment.Experiment;
import org.wasserflow.runners.experiment.RingExperiment;
import org.wasserflow.runners.experiment.UspsMnistExperiment;

/**
 * The runner's own registrations: declares every extension point (so a run with no plugin of a kind gets
 * an empty registry rather than a wiring error), the Euler and Heun integrators, and the ring and USPS to
 * MNIST experiments.
 */
public final class CoreModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Loss.class);
        MapBinder.newMapBinder(binder(), String.class, PotentialEstimator.class);
        MapBinder.newMapBinder(binder(), String.class, Generator.class);
        MapBinder<String, Integrator> integrators = MapBinder.newMapBinder(binder(), String.class, Integrator.class);
        integrators.addBinding(EulerIntegrator.NAME).to(EulerIntegrator.class);
        integrators.addBinding(HeunIntegrator.NAME).to(HeunIntegrator.class);
        MapBinder<String, Experiment> experiments = MapBinder.newMapBinder(binder(), String.class, Experiment.class);
        experiments.addBinding(RingExperiment.NAME).to(RingExperiment.class);
        experiments.addBinding(UspsMnistExperiment.NAME).to(UspsMnistExperiment.class);
    }
}
