package org.wasserflow.generators;

import java.util.ArrayList;
import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.nn.TapeMemory;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.Scratch;
import org.wasserflow.nn.States;
import org.wasserflow.nn.Tape;
import org.wasserflow.nn.TrainableNet;
import org.wasserflow.nn.TwoLanes;
import org.wasserflow.nn.WeightAverage;

/**
 * A residual MLP generator from R^d to R^d trained with Adam. The network is built on first use from the source
 * dimension and the run's seed. With {@code generator.threads=2} the two row halves of every batch-norm layer run
 * on two threads, with the same result as on one.
 *
 * <p><b>Batch norm, training and inference.</b> The training passes ({@link #generate}, {@link #regress},
 * {@link #descend}) normalise with the statistics of the batch they are given (PyTorch's {@code train()} mode, as
 * in the reference implementation). {@link #infer} normalises with running statistics ({@code eval()} mode), so
 * it is a function of each source point. The running mean and unbiased variance move towards a training pass's
 * batch statistics with weight {@code generator.bn_momentum} once per source batch: a training pass whose
 * source is the same array (by reference) as the previous training pass's updates nothing. In the flow's
 * iteration (FlowTrainer) that counts each fresh batch once, at the parameters it was generated with: the
 * batches generated for the potential's fit, and the batch that is moved and then regressed on K times, which
 * counts at its {@code generate} and not again at each of its K persistent steps (nor, with
 * {@code flow.update=gan}, at each of its K re-evaluations). PyTorch would count that batch K + 1 times, which
 * gives one batch most of the weight of the running estimate; counted once, the estimate averages over about
 * {@code 2 / momentum} independent batches, with parameters at most a few iterations old. Updating the running
 * statistics changes nothing a training pass computes, so training is the same, bit for bit, as without them.
 * The running statistics are part of {@link #state}; which array was passed last is not, so after
 * {@link #restore} the first training pass counts its batch even if it is the array passed last before the save
 * (the flow draws fresh arrays every iteration and saves between iterations, so resumed runs stay exact).
 */
public final class MlpGenerator implements Generator {

    /** The name this generator is registered under. */
    public static final String NAME = "mlp";

    private final MlpGeneratorConfig config;
    private final Random rng;
    private final Scratch scratch = new Scratch("generator-mlp");
    private final TwoLanes lanes;
    private final double momentum;
    private final boolean distance;
    private final double averageDecay;
    private TrainableNet net;
    /** The parameter average that inference uses; null without {@code generator.average}. */
    private WeightAverage average;
    /** The source of the last training pass, by reference: the running statistics count each batch once. */
    private INDArray lastBatch;

    @Inject
    public MlpGenerator(Settings settings, Seed seed) {
        this.config = MlpGeneratorConfig.from(settings);
        this.lanes = new TwoLanes("generator", settings.get(MlpGeneratorConfig.THREADS) > 1);
        this.momentum = settings.get(MlpGeneratorConfig.BN_MOMENTUM);
        this.distance = settings.get(MlpGeneratorConfig.REGRESSION).equals("distance");
        this.averageDecay = settings.get(MlpGeneratorConfig.AVERAGE);
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed.derive("generator.mlp"));
    }

    /** The training pass, batch statistics; the first pass on a new source batch updates the running statistics. */
    @Override
    public INDArray generate(INDArray source) {
        build(source.columns());
        Tape t = net.tape("generate", source.rows());
        try (MemoryWorkspace ws = scratch.open()) {
            net.net().forward(t, source, lanes);
            count(source, t);
        }
        return t.output().dup();
    }

    /**
     * The inference pass: batch norm with the running statistics, with the averaged parameters and statistics once
     * {@code generator.average} has seen an optimiser step; changes no state (beyond building the network on first use).
     */
    @Override
    public INDArray infer(INDArray source) {
        build(source.columns());
        try (MemoryWorkspace ws = scratch.open()) {
            return average != null && average.updates() > 0 ? average.infer(source) : net.net().infer(source);
        }
    }

    @Override
    public double regress(INDArray source, INDArray target) {
        build(source.columns());
        requireShape(source, target);
        Tape t = net.tape("step", source.rows());
        try (MemoryWorkspace ws = scratch.open()) {
            INDArray residual = net.net().forward(t, source, lanes).sub(target);
            count(source, t);
            double loss = distance ? distanceGradient(residual) : squaredGradient(residual);
            net.net().backward(t, residual, lanes);
            step();
            return loss;
        }
    }

    /** {@code mean_{i,k} r_ik^2}; turns {@code residual} into its gradient {@code 2 r / (m d)} in place. */
    private static double squaredGradient(INDArray residual) {
        double scale = 1.0 / residual.length();
        double loss = residual.mul(residual).sumNumber().doubleValue() * scale;
        residual.muli(2 * scale);
        return loss;
    }

    /**
     * {@code mean_i |r_i|}; turns {@code residual} into its gradient {@code r_i / (m |r_i|)} in place (zero for a
     * row that is already on its target).
     */
    private static double distanceGradient(INDArray residual) {
        int m = residual.rows();
        INDArray norms = residual.norm2(1).reshape(m, 1);
        double loss = norms.sumNumber().doubleValue() / m;
        INDArray inverse = norms.muli(m);
        BooleanIndexing.replaceWhere(inverse, Double.POSITIVE_INFINITY, Conditions.equals(0));
        residual.diviColumnVector(inverse);
        return loss;
    }

    @Override
    public void descend(INDArray source, INDArray outputGradient) {
        build(source.columns());
        requireShape(source, outputGradient);
        Tape t = net.tape("step", source.rows());
        try (MemoryWorkspace ws = scratch.open()) {
            net.net().forward(t, source, lanes);
            count(source, t);
            net.net().backward(t, outputGradient, lanes);
            step();
        }
    }

    /** The optimiser step, then the average's update. */
    private void step() {
        net.step();
        if (average != null) {
            average.update(net.net());
        }
    }

    /**
     * The input dimension ({@code dim}), the network's parameters, optimiser state and, with batch norm, running
     * statistics ({@code net.running_mean}, {@code net.running_var}), the parameter average ({@code average.*}) with
     * {@code generator.average}, and the random stream's state.
     */
    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        if (net != null) {
            out.put("dim", Nd4j.createFromArray((long) net.net().spec().inputDim()));
            out.putAll(net.state("net"));
            if (average != null) {
                out.putAll(average.state("average"));
            }
        }
        out.put("rng", States.of(rng));
        return out;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        if (state.containsKey("dim")) {
            build((int) state.get("dim").getLong(0));
            net.restore("net", state);
            if (average != null) {
                average.restore("average", state);
            }
        }
        States.restore(rng, States.require(state, "rng", new long[] {2}));
    }

    @Override
    public long flops() {
        return net == null ? 0 : net.net().flops();
    }

    /** A copy of the flat parameter vector (for checks and comparisons), or an empty array before first use. */
    public float[] parameters() {
        return net == null ? new float[0] : net.net().parameters().values().toFloatVector();
    }

    /** Folds the batch statistics of the training pass just made on {@code t} into the running ones, once per source batch. */
    private void count(INDArray source, Tape t) {
        if (source != lastBatch) {
            lastBatch = source;
            net.net().runningStatistics().ifPresent(r -> r.update(t, momentum));
        }
    }

    private static void requireShape(INDArray source, INDArray perOutput) {
        if (perOutput.rows() != source.rows() || perOutput.columns() != source.columns()) {
            throw new IllegalArgumentException("per-output array shape " + java.util.Arrays.toString(perOutput.shape())
                    + " does not match source shape " + java.util.Arrays.toString(source.shape()));
        }
    }

    private void build(int dim) {
        if (net == null) {
            net = Scratch.outside(() -> new TrainableNet(config.spec(dim), config.optimizer(), rng));
            average = averageDecay > 0 ? new WeightAverage(config.spec(dim), averageDecay) : null;
        } else if (net.net().spec().inputDim() != dim) {
            throw new IllegalArgumentException("generator built for dimension " + net.net().spec().inputDim() + ", got " + dim);
        }
    }

    /**
     * Its memory: two tapes of {@code d -> generator.hidden -> d} at the batch size ({@code generate} and
     * {@code step}; {@link TapeMemory#tapes}), one more at the source evaluation size when that differs, and the
     * parameters with Adam's moments.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        int[] hidden = settings.get(MlpGeneratorConfig.HIDDEN);
        boolean bn = settings.get(MlpGeneratorConfig.BATCH_NORM);
        int d = shape.dimension();
        String key = TapeMemory.drivingKey(shape, MlpGeneratorConfig.HIDDEN, hidden);
        List<MemoryPart> parts = new ArrayList<>();
        parts.add(TapeMemory.tapes("the generator network's activations and gradients", key, 2, shape.batch(), d, hidden, d, bn));
        parts.add(TapeMemory.parameters("the generator's parameters", MlpGeneratorConfig.HIDDEN.key(), 1, d, hidden, d, bn));
        if (settings.get(MlpGeneratorConfig.AVERAGE) > 0) {
            parts.add(new MemoryPart("the generator's parameter average (values and an unused gradient buffer)",
                    MlpGeneratorConfig.HIDDEN.key(), 0, 8 * TapeMemory.parameters(d, hidden, d, bn), 0));
        }
        if (shape.evalSource() != shape.batch()) {
            parts.add(TapeMemory.tapes("the generator's evaluation batch", RunShape.EVAL_SOURCE, 1, shape.evalSource(), d, hidden, d, bn));
        }
        return parts;
    }
}
