package org.wasserflow.w1;

import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.NeuralPotential;
import org.wasserflow.nn.Scratch;
import org.wasserflow.nn.Tape;
import org.wasserflow.nn.TrainableNet;

/**
 * The neural potential of W1-FE (docs/math.md section 3): one critic f, kept close to 1-Lipschitz by a gradient
 * penalty (WGAN-GP) or the one-sided LP penalty, ascends {@code mean f(x) - mean f(y)}; the velocity is
 * {@code +grad f}, towards the data. The network is built on first use from the run's seed.
 */
public final class W1NeuralCritic extends NeuralPotential {

    private final W1CriticConfig penalty;
    private final Scratch scratch = new Scratch("w1-neural-critic");
    private TrainableNet f;
    private W1CriticObjective objective;

    @Inject
    public W1NeuralCritic(Settings settings, Seed seed) {
        super(settings, seed, "w1.neural-critic");
        this.penalty = W1CriticConfig.from(settings);
    }

    /** {@code +grad f(y)}, the W1 velocity towards the data. */
    @Override
    public INDArray velocity(INDArray generated, INDArray data) {
        build(generated.columns());
        return gradient(f, generated);
    }

    /** The critic's values at {@code points}, {@code [m, 1]} (for checks and plots). */
    public INDArray values(INDArray points) {
        build(points.columns());
        return f.net().forward(f.tape("values", points.rows()), points).dup();
    }

    /** The terms of the last critic step's objective. */
    @Override
    public List<String> diagnostics() {
        return List.of("critic_loss", "w1_estimate", "penalty", "gradient_norm");
    }

    /** One optimiser step of the critic on the penalised dual of {@code (y, x)}. */
    @Override
    protected Map<String, Double> step(INDArray y, INDArray x) {
        build(y.columns());
        try (MemoryWorkspace ws = scratch.open()) {
            INDArray a = Nd4j.rand(rng, y.rows(), 1).castTo(y.dataType());
            W1CriticObjective.Value v = objective.accumulate(y, x, a);
            f.step();
            return Map.of("critic_loss", v.loss(), "w1_estimate", v.wasserstein(), "penalty", v.penalty(),
                    "gradient_norm", v.gradientNorm());
        }
    }

    @Override
    protected Map<String, TrainableNet> nets() {
        return f == null ? Map.of() : Map.of("f", f);
    }

    @Override
    protected void build(int dim) {
        if (f == null) {
            f = Scratch.outside(() -> new TrainableNet(critic.spec(dim), critic.optimizer(), rng));
            objective = new W1CriticObjective(penalty, f.net());
        } else if (f.net().spec().inputDim() != dim) {
            throw new IllegalArgumentException("critic built for dimension " + f.net().spec().inputDim() + ", got " + dim);
        }
    }

    /**
     * Its memory: one critic keeping four tapes at the batch size (generated, data, interpolant, velocity;
     * {@link NeuralPotential#memory}).
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        return NeuralPotential.memory(settings, shape, 1, 4);
    }
}
