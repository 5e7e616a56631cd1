package org.wasserflow.w2;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.PairSource;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.CriticConfig;
import org.wasserflow.nn.Scratch;
import org.wasserflow.nn.States;
import org.wasserflow.nn.Tape;
import org.wasserflow.nn.TapeMemory;
import org.wasserflow.nn.TrainableNet;

/**
 * The reversed max-min neural OT solver (docs/math.md section 4, "Neural map"): a map network
 * {@code T(x) = x + MLP(x)} from the generated law {@code mu} to the data law {@code nu} and a potential {@code f},
 * the saddle point of
 * <pre>  sup_f inf_T  E_mu[ |x - T(x)|^2 / 2 - f(T(x)) ] + E_nu[ f(y) ]</pre>
 * (Makkuva et al. 2020; Korotin et al. 2021 [MM:R]; Fan et al. 2021; Rout et al. 2022), trained with
 * first-order gradients only: per step of {@code f} (its network and steps per {@link #fit} from the shared critic keys,
 * its optimiser {@code map.potential.*}), {@code map.inner_steps} steps of {@code T}, each on a fresh batch; {@code T}'s gradient is the
 * input gradient of {@code f} at {@code T(x)} backpropagated through {@code T}. At the saddle point {@code T} is the
 * W2-optimal map, so the W2-FE velocity is {@code T(y) - y}. Networks are built on first use, from the run's seed.
 * Arrays are float {@code [m, d]}; one training loop at a time.
 */
public final class W2NeuralMap implements PotentialEstimator {

    /** The name this estimator is registered under, for the W2 loss. */
    public static final String NAME = "neural-map";

    private final NeuralMapConfig map;
    private final Random rng;
    private final Scratch scratch = new Scratch("w2-neural-map");
    private TrainableNet t;
    private TrainableNet f;

    @Inject
    public W2NeuralMap(Settings settings, Seed seed) {
        this.map = NeuralMapConfig.from(settings);
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed.derive("w2.neural-map"));
    }

    /**
     * Its memory at the run's batch: the map network {@code d -> map.hidden -> d} keeps two tapes (the velocity's
     * and the fit's), the potential {@code d -> critic.hidden -> 1} two (on the mapped and on the data points); the
     * parameters of both with their Adam moments.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        int d = shape.dimension();
        int[] map = settings.get(NeuralMapConfig.HIDDEN);
        int[] potential = settings.get(CriticConfig.HIDDEN);
        return List.of(
                TapeMemory.tapes("the map network's activations and gradients", TapeMemory.drivingKey(shape, NeuralMapConfig.HIDDEN, map),
                        2, shape.batch(), d, map, d, false),
                TapeMemory.tapes("the potential network's activations and gradients",
                        TapeMemory.drivingKey(shape, CriticConfig.HIDDEN, potential), 2, shape.batch(), d, potential, 1, false),
                TapeMemory.parameters("the map network's parameters", NeuralMapConfig.HIDDEN.key(), 1, d, map, d, false),
                TapeMemory.parameters("the potential network's parameters", CriticConfig.HIDDEN.key(), 1, d, potential, 1, false));
    }

    /** {@code T(y) - y}, a new {@code [m, d]} array: the pull of every generated point towards its image. */
    @Override
    public INDArray velocity(INDArray generated, INDArray data) {
        build(generated.columns());
        Tape tape = t.tape("velocity", generated.rows());
        return t.net().forward(tape, generated).sub(generated);
    }

    /** The max-min objective of the last potential step ({@code dual}) and its transport term. */
    @Override
    public List<String> diagnostics() {
        return List.of("dual", "transport_cost");
    }

    /**
     * {@code critic.steps} steps of {@code f}, each after {@code map.inner_steps} steps of {@code T}; every step draws
     * a fresh pair (the map steps use its generated half).
     */
    @Override
    public Map<String, Double> fit(PairSource pairs) {
        Map<String, Double> last = Map.of();
        for (int s = 0; s < map.steps(); s++) {
            for (int k = 0; k < map.innerSteps(); k++) {
                mapStep(pairs.next().generated());
            }
            var pair = pairs.next();
            last = potentialStep(pair.generated(), pair.data());
        }
        return last;
    }

    /** {@code critic.adapt_steps} warm-started rounds (map steps, then a potential step) on the given pair. */
    @Override
    public void adapt(INDArray generated, INDArray data) {
        for (int s = 0; s < map.adaptSteps(); s++) {
            for (int k = 0; k < map.innerSteps(); k++) {
                mapStep(generated);
            }
            potentialStep(generated, data);
        }
    }

    /**
     * One optimiser step of {@code T} descending {@code mean_i |x_i - T(x_i)|^2 / 2 - f(T(x_i))}: the gradient at
     * {@code T(x_i)} is {@code (T(x_i) - x_i - grad f(T(x_i))) / m}, backpropagated through {@code T}.
     */
    private void mapStep(INDArray x) {
        build(x.columns());
        int m = x.rows();
        try (MemoryWorkspace ws = scratch.open()) {
            Tape tt = t.tape("map", m);
            INDArray tx = t.net().forward(tt, x);
            Tape ft = f.tape("map", m);
            f.net().forward(ft, tx);
            INDArray grad = f.net().inputGradient(ft);
            INDArray dOut = tx.sub(x).subi(grad).muli(1.0 / m);
            t.net().backward(tt, dOut);
            t.step();
        }
    }

    /** One optimiser step of {@code f} descending {@code mean_i f(T(x_i)) - mean_j f(y_j)} ({@code T} fixed). */
    private Map<String, Double> potentialStep(INDArray x, INDArray y) {
        build(x.columns());
        int m = x.rows();
        int n = y.rows();
        try (MemoryWorkspace ws = scratch.open()) {
            INDArray tx = t.net().forward(t.tape("map", m), x);
            double cost = tx.sub(x).norm2Number().doubleValue();
            cost = cost * cost / (2.0 * m);
            Tape mapped = f.tape("map", m);
            double fMapped = f.net().forward(mapped, tx).sumNumber().doubleValue() / m;
            f.net().backward(mapped, Nd4j.valueArrayOf(new long[] {m, 1}, 1.0 / m, tx.dataType()));
            Tape data = f.tape("data", n);
            double fData = f.net().forward(data, y).sumNumber().doubleValue() / n;
            f.net().backward(data, Nd4j.valueArrayOf(new long[] {n, 1}, -1.0 / n, y.dataType()));
            f.step();
            return Map.of("dual", cost - fMapped + fData, "transport_cost", cost);
        }
    }

    private void build(int dim) {
        if (t == null) {
            t = Scratch.outside(() -> new TrainableNet(map.spec(dim), map.optimizer(dim), rng));
            f = Scratch.outside(() -> new TrainableNet(map.potentialSpec(dim), map.potentialOptimizer(dim), rng));
        } else if (t.net().spec().inputDim() != dim) {
            throw new IllegalArgumentException("neural-map built for dimension " + t.net().spec().inputDim() + ", got " + dim);
        }
    }

    /**
     * The learning rates the two optimisers use, {@code map.lr} and {@code map.potential.lr}, as numbers (under
     * {@code auto}, derived from the dimension); empty before the networks are built.
     */
    @Override
    public Map<String, String> provenance() {
        if (t == null) {
            return Map.of();
        }
        int dim = t.net().spec().inputDim();
        Map<String, String> out = new LinkedHashMap<>();
        out.put(NeuralMapConfig.LR.key(), String.valueOf(map.optimizer(dim).learningRate()));
        out.put(NeuralMapConfig.POTENTIAL_LR.key(), String.valueOf(map.potentialOptimizer(dim).learningRate()));
        return out;
    }

    /** The input dimension ({@code dim}), both networks' parameters and Adam moments, and the random stream. */
    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        if (t != null) {
            out.put("dim", Nd4j.createFromArray((long) t.net().spec().inputDim()));
            out.putAll(t.state("map"));
            out.putAll(f.state("potential"));
        }
        out.put("rng", States.of(rng));
        return out;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        if (state.containsKey("dim")) {
            build((int) state.get("dim").getLong(0));
            t.restore("map", state);
            f.restore("potential", state);
        }
        States.restore(rng, States.require(state, "rng", new long[] {2}));
    }

    /** The matrix-product work of both networks so far. */
    @Override
    public long flops() {
        return t == null ? 0 : t.net().flops() + f.net().flops();
    }
}
