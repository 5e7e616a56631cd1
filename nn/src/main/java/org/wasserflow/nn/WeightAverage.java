package org.wasserflow.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An exponential moving average of a network's parameters and batch-norm running statistics, kept in a second
 * network of the same architecture that only infers: Polyak-Ruppert averaging with exponential weights, which for
 * GAN generators Yazici et al. (2019, "The unusual effectiveness of averaging in GAN training") found to damp the
 * oscillations of the generator around the fixed point it circles.
 *
 * <p>Update {@code k} sets {@code avg_k = (1 - w_k) avg_{k-1} + w_k theta_k} with
 * {@code w_k = max(1 - decay, 1 / k)}: the plain mean of the first {@code 1 / (1 - decay)} steps, exponential
 * after that with a horizon of about {@code 1 / (1 - decay)} steps, so the average describes the parameters from
 * the first update on (the same warm-up as {@link RunningStatistics}). The running statistics are averaged with the
 * same weights (as timm's ModelEmaV2 and PyTorch's AveragedModel with {@code use_buffers=True} average buffers): an
 * approximation, since the averaged parameters' own activation statistics differ from the average of the live
 * ones when the parameters oscillate widely (PyTorch's SWA recomputes them instead, {@code update_bn}); it is close
 * when the average's horizon is short against the parameters' drift. The live network is not modified.
 */
public final class WeightAverage {

    private final double decay;
    private final Mlp average;
    private long updates;

    /**
     * @param spec the live network's architecture
     * @param decay in (0, 1): the weight of the past at each update once the warm-up is over
     */
    public WeightAverage(MlpSpec spec, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
        this.average = Scratch.outside(() -> new Mlp(spec, Nd4j.getRandomFactory().getNewRandomInstance(0)));
    }

    /** Folds in {@code live}'s parameters and running statistics; call after each optimiser step. */
    public void update(Mlp live) {
        updates++;
        double w = Math.max(1 - decay, 1.0 / updates);
        INDArray avg = average.parameters().values();
        avg.muli(1 - w).addi(live.parameters().values().mul(w));
        live.runningStatistics().ifPresent(r -> average.runningStatistics().orElseThrow().blend(r, w));
    }

    /** The number of updates so far: 0 until the first optimiser step, when the average describes nothing yet. */
    public long updates() {
        return updates;
    }

    /** The averaged network's inference pass ({@link Mlp#infer}): a new {@code [m, outputDim]} array. */
    public INDArray infer(INDArray x) {
        return average.infer(x);
    }

    /** A copy of the averaged flat parameter vector. */
    public INDArray parameters() {
        return average.parameters().values().dup();
    }

    /**
     * The averaged parameters ({@code <prefix>.parameters}), running statistics ({@code <prefix>.running_*}) and
     * the update count ({@code <prefix>.updates}, {@code [1]}), copies, for checkpoints.
     */
    public Map<String, INDArray> state(String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(prefix + ".parameters", Scratch.outside(() -> average.parameters().values().dup()));
        average.runningStatistics().ifPresent(r -> out.putAll(r.state(prefix)));
        out.put(prefix + ".updates", Scratch.outside(() -> Nd4j.createFromArray(new double[] {updates})));
        return out;
    }

    /**
     * Continues from what {@link #state} returned under the same prefix.
     *
     * @throws IllegalArgumentException naming the entry when it is missing (a checkpoint of a run without an
     *     average) or has another size
     */
    public void restore(String prefix, Map<String, INDArray> state) {
        INDArray values = average.parameters().values();
        values.assign(States.require(state, prefix + ".parameters", values.shape()));
        average.runningStatistics().ifPresent(r -> r.restore(prefix, state));
        updates = (long) States.require(state, prefix + ".updates", new long[] {1}).getDouble(0);
    }
}
