package org.example.gaussmap;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Plugin;

/**
 * Registers {@code loss=moment-w2} and its estimator {@code potential=gaussian-map}. The names are written here
 * only; the descriptor of the estimator also says how much memory it holds and which key to blame if it diverges.
 */
public final class GaussianMapModule extends AbstractModule {

    /** The loss's descriptor. */
    public static final Plugin LOSS = Plugin.loss("moment-w2", MomentW2Loss.class,
            "W2 loss (|y - x|^2 / 2) flowing towards the data's diagonal Gaussian fit").provides(Capability.GROUND_COST);

    /** The estimator's descriptor, for that loss. */
    public static final Plugin GAUSSIAN_MAP = Plugin.potential("gaussian-map", GaussianMapPotential.class,
            "W2 map between diagonal Gaussian fits of the batches; velocity T(y) - y")
            .forLoss(LOSS.name()).settings(GaussianMapPotential.GROUP)
            .memory(GaussianMapPotential::memory).blame(GaussianMapPotential.MIN_STD);

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(LOSS);
        plugins.addBinding().toInstance(GAUSSIAN_MAP);
    }
}
