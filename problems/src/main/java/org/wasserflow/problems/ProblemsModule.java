package org.wasserflow.problems;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.problems.laws.GaussianLaw;
import org.wasserflow.problems.laws.GaussianMixtureLaw;
import org.wasserflow.problems.laws.SwissRollLaw;

/** Registers the built-in laws and metrics. */
public final class ProblemsModule extends AbstractModule {

    /** {@code gaussian}. */
    public static final Plugin GAUSSIAN = Plugin.of(PluginKind.LAW, GaussianLaw.NAME, GaussianLaw.class,
            "isotropic Gaussian N(0, std^2 I) in any dimension").settings(GaussianLaw.GROUP);

    /** {@code gaussian-mixture}. */
    public static final Plugin GAUSSIAN_MIXTURE = Plugin.of(PluginKind.LAW, GaussianMixtureLaw.NAME, GaussianMixtureLaw.class,
            "equal-weight Gaussian mixture: ring, grid or listed centres; labelled by component").settings(GaussianMixtureLaw.GROUP);

    /** {@code swiss-roll}. */
    public static final Plugin SWISS_ROLL = Plugin.of(PluginKind.LAW, SwissRollLaw.NAME, SwissRollLaw.class,
            "the 2-D Swiss roll of the GAN toy benchmarks").settings(SwissRollLaw.GROUP);

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(GAUSSIAN);
        plugins.addBinding().toInstance(GAUSSIAN_MIXTURE);
        plugins.addBinding().toInstance(SWISS_ROLL);
    }
}
