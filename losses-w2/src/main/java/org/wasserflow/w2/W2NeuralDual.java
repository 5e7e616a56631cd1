package org.wasserflow.w2;

import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.NeuralPotential;
import org.wasserflow.nn.Scratch;
import org.wasserflow.nn.TrainableNet;
import org.wasserflow.nn.TwoLanes;

/**
 * The neural dual potential of W2-FE (docs/math.md section 2): two MLPs {@code phi} (generated side) and
 * {@code psi} (data side) ascend the penalised W2 dual with Adam; the velocity is {@code -grad phi}.
 * Networks are built on first use, when the dimension of the data is known, from the run's seed.
 */
public final class W2NeuralDual extends NeuralPotential {

    /** {@code critic.threads}: the W2 dual's two sides on one or two threads (the result is the same). */
    public static final Setting<Integer> THREADS = Setting.integer("critic.threads", 2).between(1, 2, false, false)
            .describe("threads for the phi and psi sides of the dual: 1, or 2 (bit-identical results)");
    /** The W2-only critic key. */
    public static final SettingGroup PARALLEL = SettingGroup.of("critic", "parallel W2 dual", THREADS);

    private final W2DualConfig dual;
    private final Scratch scratch = new Scratch("w2-neural-dual");
    private final TwoLanes lanes;
    private TrainableNet phi;
    private TrainableNet psi;
    private W2DualObjective objective;

    @Inject
    public W2NeuralDual(Settings settings, Seed seed) {
        super(settings, seed, "w2.neural-dual");
        this.dual = W2DualConfig.from(settings);
        this.lanes = new TwoLanes("critic", settings.get(THREADS) > 1);
    }

    /** {@code -grad phi(y)}, the W2 velocity towards the data. */
    @Override
    public INDArray velocity(INDArray generated, INDArray data) {
        build(generated.columns());
        return gradient(phi, generated).negi();
    }

    /** The terms of the last critic step's objective. */
    @Override
    public List<String> diagnostics() {
        return List.of("critic_loss", "dual", "hinge", "equality");
    }

    /** One optimiser step of both potentials on the dual objective of {@code (y, x)}. */
    @Override
    protected Map<String, Double> step(INDArray y, INDArray x) {
        build(y.columns());
        try (MemoryWorkspace ws = scratch.open()) {
            INDArray a = Nd4j.rand(rng, y.rows(), 1).castTo(y.dataType());
            INDArray b = Nd4j.rand(rng, y.rows(), 1).castTo(y.dataType());
            W2DualObjective.Value v = objective.accumulate(y, x, a, b);
            lanes.both(phi::step, psi::step);
            return Map.of("critic_loss", v.loss(), "dual", v.dual(), "hinge", v.hinge(), "equality", v.equality());
        }
    }

    @Override
    protected Map<String, TrainableNet> nets() {
        return phi == null ? Map.of() : Map.of("phi", phi, "psi", psi);
    }

    @Override
    protected void build(int dim) {
        if (phi == null) {
            phi = Scratch.outside(() -> new TrainableNet(critic.spec(dim), critic.optimizer(), rng));
            psi = Scratch.outside(() -> new TrainableNet(critic.spec(dim), critic.optimizer(), rng));
            objective = new W2DualObjective(dual, phi.net(), psi.net(), lanes);
        } else if (phi.net().spec().inputDim() != dim) {
            throw new IllegalArgumentException("potential built for dimension " + phi.net().spec().inputDim() + ", got " + dim);
        }
    }

    /**
     * Its memory: phi and psi each keep a tape per term of the dual at the batch size (the own term, plus the
     * interpolant and mapped terms with {@code w2.interpolants} and {@code w2.equality}), and phi one more for the
     * velocity ({@link NeuralPotential#memory}).
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        int perNet = 1 + (settings.get(W2DualConfig.INTERPOLANTS) ? 1 : 0) + (settings.get(W2DualConfig.EQUALITY) ? 1 : 0);
        return NeuralPotential.memory(settings, shape, 2, 2 * perNet + 1);
    }
}
