package org.wasserflow.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running statistics of a batch-norm {@link Mlp}'s hidden layers, for inference ({@link Mlp#infer}), as
 * PyTorch's {@code BatchNorm1d} keeps them for {@code eval()} mode: per layer and unit a running mean, starting
 * at 0, and a running variance, starting at 1, each moved by {@link #update} towards the batch statistics of a
 * training forward pass, {@code running = (1 - momentum) running + momentum batch}, with the batch variance
 * unbiased ({@code n / (n - 1)} times the biased variance the pass normalised with). Training passes themselves
 * keep using the batch statistics. Kept in double; about {@code 2 x sum(hidden)} numbers.
 */
public final class RunningStatistics {

    private final double[][] mean;
    private final double[][] var;
    private final int size;

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
        for (int l = 0; l < mean.length; l++) {
            for (int j = 0; j < mean[l].length; j++) {
                mean[l][j] = (1 - momentum) * mean[l][j] + momentum * tape.batchMean[l][j];
                var[l][j] = (1 - momentum) * var[l][j] + momentum * unbias * tape.batchVar[l][j];
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
     * layers' rows one after the other in a double vector {@code [sum(hidden)]}; copies, for checkpoints.
     */
    public Map<String, INDArray> state(String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(prefix + ".running_mean", Scratch.outside(() -> Nd4j.createFromArray(flat(mean))));
        out.put(prefix + ".running_var", Scratch.outside(() -> Nd4j.createFromArray(flat(var))));
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
