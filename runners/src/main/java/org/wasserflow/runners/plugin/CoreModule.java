package org.wasserflow.runners.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.runners.experiment.Experiment;
import org.wasserflow.runners.experiment.RingConfig;
import org.wasserflow.runners.experiment.RingExperiment;
import org.wasserflow.runners.experiment.UspsMnistConfig;
import org.wasserflow.runners.experiment.UspsMnistExperiment;

/**
 * The runner's own registrations: declares the set of plugins (so a class path without plugins gets an
 * empty set rather than a wiring error), the Euler and Heun integrators, and the ring and USPS to MNIST
 * experiments.
 */
public final class CoreModule extends AbstractModule {

    /** Benchmarks, selected by {@code experiment}. */
    public static final PluginKind<Experiment> EXPERIMENT = new PluginKind<>("experiment", Experiment.class);

    /** {@code integrator=euler}. */
    public static final Plugin EULER = Plugin.integrator(EulerIntegrator.NAME, EulerIntegrator.class, "forward Euler: zeta = y + eps v(y)");

    /** {@code integrator=heun}. */
    public static final Plugin HEUN = Plugin.integrator(HeunIntegrator.NAME, HeunIntegrator.class,
            "Heun's predictor-corrector, re-estimating the potential at the predicted law");

    /** {@code experiment=ring}. */
    public static final Plugin RING = Plugin.of(EXPERIMENT, RingExperiment.NAME, RingExperiment.class,
            "8 Gaussians on a ring from a 2-D Gaussian source; W2, W1, high-quality fraction, modes covered")
            .settings(RingConfig.GROUP);

    /** {@code experiment=usps-mnist}. */
    public static final Plugin USPS_MNIST = Plugin.of(EXPERIMENT, UspsMnistExperiment.NAME, UspsMnistExperiment.class,
            "USPS digits to MNIST-like digits; 1-NN transfer accuracy and two baselines")
            .settings(UspsMnistConfig.GROUP);

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(EULER);
        plugins.addBinding().toInstance(HEUN);
        plugins.addBinding().toInstance(RING);
        plugins.addBinding().toInstance(USPS_MNIST);
    }
}
