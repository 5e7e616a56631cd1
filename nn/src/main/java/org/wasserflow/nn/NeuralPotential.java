package org.wasserflow.nn;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.PairSource;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;

/**
 * The training schedule shared by neural potentials: {@code critic.steps} optimiser steps per training
 * iteration, each on a fresh pair, and {@code critic.adapt_steps} warm-started steps on Heun's
 * predicted law. A subclass supplies one step of its own objective.
 */
public abstract class NeuralPotential implements PotentialEstimator {

    /** The {@code critic.*} settings. */
    protected final CriticConfig critic;
    /** The random stream for initialisation and interpolation weights, derived from the run seed. */
    protected final Random rng;

    /**
     * @param stream the name of this potential's random stream ({@link Seed#derive})
     */
    protected NeuralPotential(Settings settings, Seed seed, String stream) {
        this.critic = CriticConfig.from(settings);
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed.derive(stream));
    }

    /** The name every neural potential is registered under, scoped to its loss ({@code <loss>/neural-dual}). */
    public static final String NAME = "neural-dual";

    /** The input gradient {@code grad f} of {@code net} at {@code points}, {@code [m, d]}, a new array. */
    protected static INDArray gradient(TrainableNet net, INDArray points) {
        Tape t = net.tape("velocity", (int) points.rows());
        net.net().forward(t, points);
        return net.net().inputGradient(t).dup();
    }

    /**
     * One optimiser step of the potential's objective on the pair {@code (y, x)}.
     *
     * @return the diagnostics of this step (objective value and its terms)
     */
    protected abstract Map<String, Double> step(INDArray y, INDArray x);

    /** The networks by name, once built (empty before the first use). */
    protected abstract Map<String, TrainableNet> nets();

    /** Builds the networks for inputs of dimension {@code dim}, if not yet built. */
    protected abstract void build(int dim);

    /**
     * The input dimension ({@code dim}), each network's parameters and optimiser state, and the random
     * stream's state ({@code rng}).
     */
    @Override
    public final Map<String, INDArray> state() {
        Map<String, INDArray> out = new java.util.LinkedHashMap<>();
        nets().forEach((name, net) -> {
            out.put("dim", Nd4j.createFromArray((long) net.net().spec().inputDim()));
            out.putAll(net.state(name));
        });
        out.put("rng", States.of(rng));
        return out;
    }

    @Override
    public final void restore(Map<String, INDArray> state) {
        if (state.containsKey("dim")) {
            build((int) state.get("dim").getLong(0));
            nets().forEach((name, net) -> net.restore(name, state));
        }
        States.restore(rng, States.require(state, "rng", new long[] {2}));
    }

    /** The matrix-product work of all this potential's networks so far. */
    @Override
    public final long flops() {
        return nets().values().stream().mapToLong(n -> n.net().flops()).sum();
    }

    /** Takes {@code critic.steps} steps, each on a fresh pair; returns the last step's diagnostics. */
    @Override
    public final Map<String, Double> fit(PairSource pairs) {
        Map<String, Double> last = Map.of();
        for (int s = 0; s < critic.steps(); s++) {
            var pair = pairs.next();
            last = step(pair.generated(), pair.data());
        }
        return last;
    }

    /** Warm-started steps ({@code critic.adapt_steps}) on the given pair, for Heun's predicted law. */
    @Override
    public final void adapt(INDArray generated, INDArray data) {
        for (int s = 0; s < critic.adaptSteps(); s++) {
            step(generated, data);
        }
    }

    /**
     * The memory of a neural potential of {@code nets} MLPs {@code d -> critic.hidden -> 1} (no batch norm) that keeps
     * {@code tapes} tapes at the batch size in all: their activations and gradients ({@link TapeMemory#tapes}, driven
     * by {@code flow.batch} or {@code critic.hidden}, whichever grew more) and their parameters with Adam's moments.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape, int nets, int tapes) {
        int[] hidden = settings.get(CriticConfig.HIDDEN);
        int d = shape.dimension();
        String key = TapeMemory.drivingKey(shape, CriticConfig.HIDDEN, hidden);
        return List.of(
                TapeMemory.tapes("the potential networks' activations and gradients", key, tapes, shape.batch(), d, hidden, 1, false),
                TapeMemory.parameters("the potential networks' parameters", CriticConfig.HIDDEN.key(), nets, d, hidden, 1, false));
    }
}
