package org.wasserflow.w2;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Plugin;
import org.wasserflow.nn.CriticConfig;

/**
 * Registers the W2-FE loss as {@code loss=w2} and its neural estimators as {@code potential=neural-dual} and
 * {@code potential=neural-map} for that loss.
 */
public final class W2Module extends AbstractModule {

    /** {@code loss=w2}. */
    public static final Plugin LOSS = Plugin.loss(W2Loss.NAME, W2Loss.class, "W2-FE: the W2 loss, cost |y - x|^2 / 2 (Huang & Malik)")
            .provides(Capability.GROUND_COST);

    /** {@code potential=neural-dual} with {@code loss=w2}. */
    public static final Plugin NEURAL_DUAL = Plugin.potential(W2NeuralDual.NAME, W2NeuralDual.class,
            "two MLP potentials phi, psi on the penalised W2 dual; velocity -grad phi")
            .forLoss(W2Loss.NAME).settings(W2DualConfig.GROUP, CriticConfig.GROUP, W2NeuralDual.PARALLEL)
            .memory(W2NeuralDual::memory).blame(CriticConfig.OPTIMIZER.lr());

    /** {@code potential=neural-map} with {@code loss=w2}. */
    public static final Plugin NEURAL_MAP = Plugin.potential(W2NeuralMap.NAME, W2NeuralMap.class,
            "reversed max-min neural OT: a map T(x) = x + MLP(x) and a potential f; velocity T(y) - y")
            .forLoss(W2Loss.NAME).settings(NeuralMapConfig.GROUP, NeuralMapConfig.CRITIC).memory(W2NeuralMap::memory)
            .blame(NeuralMapConfig.OPTIMIZER.lr(), NeuralMapConfig.POTENTIAL_OPTIMIZER.lr());

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(LOSS);
        plugins.addBinding().toInstance(NEURAL_DUAL);
        plugins.addBinding().toInstance(NEURAL_MAP);
    }
}
