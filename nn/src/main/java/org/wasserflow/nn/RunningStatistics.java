package org.wasserflow.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running statistics of a batch-norm {@link Mlp}'s hidden layers, for inference ({@link Mlp#infer}), as
 * PyTorch's {@code BatchNorm1d} keeps them for {@code eval()} mode: per layer and unit a running mean and a
 * running variance, each moved by {@link #update} towards the batch statistics of a training forward pass,
 * {@code running = (1 - w) running + w batch}, with the batch variance unbiased ({@code n / (n - 1)} times the
 * biased variance the pass normalised with). The weight of the {@code k}-th update is {@code max(momentum, 1 / k)}:
 * the cumulative average of the batches so far until {@code 1 / k} falls below the momentum, an exponential
 * average after that, so that the statistics describe the batches seen from the first update on (PyTorch's
 * fixed momentum from a start of 0 and 1 describes no batch for its first tens of updates). Training passes
 * themselves keep using the batch statistics. Kept in double; about {@code 2 x sum(hidden)} numbers.
 */
public final class RunningStatistics {

    private final double[][] mean;
    private final double[][] var;
    private final int size;
    private long updates;

    /** @param widths the hidden layers' widths */
    RunningStatistics(int[] widths) {
        mean = new double[widths.length][];
        var = new double[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            mean[l] = new double[widths[l]];
            var[l] = new double[widths[l]];
            Arrays.fill(var[l], 1.0);
        }
        size = Arrays.stream(widths).sum();
    }

    /**
     * Folds in the batch statistics of the last training forward pass ({@link Mlp#forward}) on {@code tape}.
     * A batch of one row has no unbiased variance and leaves the statistics as they are (PyTorch refuses such a
     * training batch).
     *
     * @param momentum the weight of the new batch, in {@code (0, 1]}
     */
    public void update(Tape tape, double momentum) {
        if (!(momentum > 0 && momentum <= 1)) {
            throw new IllegalArgumentException("momentum must be in (0, 1], got " + momentum);
        }
        if (tape.batchMean == null || tape.rows < 2) {
            return;
        }
        double unbias = tape.rows / (tape.rows - 1.0);
        updates++;
        fold(tape.batchMean, tape.batchVar, unbias, Math.max(momentum, 1.0 / updates));
    }

    /** Moves these statistics towards {@code other}'s with weight {@code w} (a weight average's update); takes its update count. */
    void blend(RunningStatistics other, double w) {
        fold(other.mean, other.var, 1, w);
        updates = other.updates;
    }

    /** {@code mean <- (1 - w) mean + w means}, {@code var <- (1 - w) var + w varScale vars}, per layer and unit. */
    private void fold(double[][] means, double[][] vars, double varScale, double w) {
        for (int l = 0; l < mean.length; l++) {
            for (int j = 0; j < mean[l].length; j++) {
                mean[l][j] = (1 - w) * mean[l][j] + w * means[l][j];
                var[l][j] = (1 - w) * var[l][j] + w * varScale * vars[l][j];
            }
        }
    }

    /** Hidden layer {@code l}'s running mean, a copy. */
    public double[] mean(int l) {
        return mean[l].clone();
    }

    /** Hidden layer {@code l}'s running variance, a copy. */
    public double[] variance(int l) {
        return var[l].clone();
    }

    /**
     * The running means ({@code <prefix>.running_mean}) and variances ({@code <prefix>.running_var}), each the
     * layers' rows one after the other in a double vector {@code [sum(hidden)]}, and the number of updates
     * ({@code <prefix>.running_updates}, {@code [1]}); copies, for checkpoints.
     */
    public Map<String, INDArray> state(String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(prefix + ".running_mean", Scratch.outside(() -> Nd4j.createFromArray(flat(mean))));
        out.put(prefix + ".running_var", Scratch.outside(() -> Nd4j.createFromArray(flat(var))));
        out.put(prefix + ".running_updates", Scratch.outside(() -> Nd4j.createFromArray(new double[] {updates})));
        return out;
    }

    /**
     * Continues from what {@link #state} returned under the same prefix.
     *
     * @throws IllegalArgumentException naming the entry when it is missing (a checkpoint written before the
     *     generator kept running statistics) or has another size
     */
    public void restore(String prefix, Map<String, INDArray> state) {
        double[] m = States.require(state, prefix + ".running_mean", new long[] {size}).toDoubleVector();
        double[] v = States.require(state, prefix + ".running_var", new long[] {size}).toDoubleVector();
        updates = (long) States.require(state, prefix + ".running_updates", new long[] {1}).getDouble(0);
        int at = 0;
        for (int l = 0; l < mean.length; l++) {
            System.arraycopy(m, at, mean[l], 0, mean[l].length);
            System.arraycopy(v, at, var[l], 0, var[l].length);
            at += mean[l].length;
        }
    }

    private double[] flat(double[][] rows) {
        double[] out = new double[size];
        int at = 0;
        for (double[] r : rows) {
            System.arraycopy(r, 0, out, at, r.length);
            at += r.length;
        }
        return out;
    }
}
