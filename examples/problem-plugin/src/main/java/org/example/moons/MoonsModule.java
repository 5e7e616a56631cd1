package org.example.moons;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;

/** Registers {@code two-moons} (a law) and {@code moments} (a metric). */
public final class MoonsModule extends AbstractModule {

    /** The law's descriptor. */
    public static final Plugin TWO_MOONS = Plugin.of(PluginKind.LAW, TwoMoonsLaw.NAME, TwoMoonsLaw.class,
            "two interleaving half circles in 2-D, labelled by moon").settings(TwoMoonsLaw.GROUP);

    /** The metric's descriptor. */
    public static final Plugin MOMENTS = Plugin.of(PluginKind.METRIC, MomentsMetric.NAME, MomentsMetric.class,
            "distance of the means and of the covariances of generated and data points").settings(MomentsMetric.GROUP);

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(TWO_MOONS);
        plugins.addBinding().toInstance(MOMENTS);
    }
}
