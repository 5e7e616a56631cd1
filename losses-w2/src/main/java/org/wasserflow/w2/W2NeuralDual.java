package org.wasserflow.w2;

import jakarta.inject.Inject;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.PairSource;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.CriticConfig;
import org.wasserflow.nn.Scratch;
import org.wasserflow.nn.Tape;
import org.wasserflow.nn.TrainableNet;

/**
 * The neural dual potential of W2-FE (SPEC section 2): two MLPs {@code phi} (generated side) and
 * {@code psi} (data side) ascend the penalised W2 dual with Adam; the velocity is {@code -grad phi}.
 * Networks are built on first use, when the dimension of the data is known, from the run's seed.
 */
public final class W2NeuralDual implements PotentialEstimator {

    /** The name this estimator is registered under, scoped to the w2 loss. */
    public static final String NAME = "neural-dual";

    private final W2DualConfig dual;
    private final CriticConfig critic;
    private final int adaptSteps;
    private final Random rng;
    private final Scratch scratch = new Scratch("w2-neural-dual");
    private TrainableNet phi;
    private TrainableNet psi;
    private W2DualObjective objective;

    @Inject
    public W2NeuralDual(Settings settings, Seed seed) {
        this.dual = W2DualConfig.from(settings);
        this.critic = CriticConfig.from(settings);
        this.adaptSteps = settings.getInt("critic.adapt_steps", 2);
        org.wasserflow.api.ConfigException.require(adaptSteps >= 0, "critic.adapt_steps", adaptSteps, "an integer >= 0");
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed.derive("w2.neural-dual"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Takes {@code critic.steps} Adam steps on the dual, each on a fresh pair. */
    @Override
    public Map<String, Double> fit(PairSource pairs) {
        W2DualObjective.Value v = null;
        for (int s = 0; s < critic.steps(); s++) {
            var pair = pairs.next();
            v = step(pair.generated(), pair.data());
        }
        return Map.of("critic_loss", v.loss(), "dual", v.dual(), "hinge", v.hinge(), "equality", v.equality());
    }

    /** Warm-started critic steps ({@code critic.adapt_steps}) on the given pair, for Heun's predicted law. */
    @Override
    public void adapt(INDArray generated, INDArray data) {
        for (int s = 0; s < adaptSteps; s++) {
            step(generated, data);
        }
    }

    /** {@code -grad phi(y)}, the W2 velocity towards the data. */
    @Override
    public INDArray velocity(INDArray generated, INDArray data) {
        build(generated.columns());
        Tape t = phi.tape("velocity", generated.rows());
        phi.net().forward(t, generated);
        return phi.net().inputGradient(t).neg();
    }

    /** One Adam step of both potentials on the dual objective of {@code (y, x)}. */
    private W2DualObjective.Value step(INDArray y, INDArray x) {
        build(y.columns());
        try (MemoryWorkspace ws = scratch.open()) {
            INDArray a = Nd4j.rand(rng, y.rows(), 1).castTo(y.dataType());
            INDArray b = Nd4j.rand(rng, y.rows(), 1).castTo(y.dataType());
            W2DualObjective.Value v = objective.accumulate(y, x, a, b);
            phi.step();
            psi.step();
            return v;
        }
    }

    private void build(int dim) {
        if (phi == null) {
            phi = Scratch.outside(() -> new TrainableNet(critic.spec(dim), critic.adam(), rng));
            psi = Scratch.outside(() -> new TrainableNet(critic.spec(dim), critic.adam(), rng));
            objective = new W2DualObjective(dual, phi.net(), psi.net(), critic.threads() > 1);
        } else if (phi.net().spec().inputDim() != dim) {
            throw new IllegalArgumentException("potential built for dimension " + phi.net().spec().inputDim() + ", got " + dim);
        }
    }
}
