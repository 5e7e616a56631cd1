package org.wasserflow.nn;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The activations of one forward pass of an {@link Mlp} on a batch of {@code m} rows, kept for the
 * backward passes, plus preallocated scratch buffers. A tape is reused across calls with the same batch
 * size, so training steps allocate nothing large. Not thread-safe.
 */
public final class Tape {

    final int rows;
    private final DataType dtype;
    private final MlpSpec spec;
    INDArray input;
    /** The input whose row halves the two half tapes' inputs are ({@link BatchNormHalves}): views made once per input. */
    INDArray halvedInput;
    /**
     * Per hidden layer: the pre-activation {@code h_{l-1} W_l}; with batch norm normalised in place ({@code xhat}),
     * without it the ND4J reference path adds the bias in place and the float kernels leave it as the product.
     */
    final INDArray[] pre;
    /** Per hidden layer: the ReLU input (batch-norm output, or {@code pre} itself without batch norm); kept by the ND4J reference path only. */
    final INDArray[] z;
    /** Per hidden layer: ReLU output. */
    final INDArray[] h;
    /** Per hidden layer: ReLU derivative, 1 where {@code z > 0}. */
    final INDArray[] mask;
    /** Per hidden layer: batch-norm inverse standard deviations {@code [1, w]}, null without batch norm. */
    final INDArray[] invStd;
    /**
     * Per hidden layer with batch norm, null without: the batch mean and the biased batch variance of its
     * pre-activations in the last training forward pass on this tape, for {@link RunningStatistics#update}.
     */
    final double[][] batchMean;
    final double[][] batchVar;
    /** Per hidden layer with batch norm: two {@code [1, w]} scratch rows for column statistics. */
    final INDArray[] colA;
    final INDArray[] colB;
    /** Per hidden layer: scratch for backward passes. */
    final INDArray[] grad;
    final INDArray[] grad2;
    /** Per hidden layer: the input-gradient chain {@code G_l} of {@link Mlp#inputGradient}. */
    final INDArray[] chain;
    /** Heap scratch for the fused float kernels, as large as the widest hidden layer. */
    final float[] heap1;
    final float[] heap2;
    final float[] heap3;
    final INDArray out;
    final INDArray inputGrad;
    final INDArray ones;

    /** Per layer, the weight-shaped product of a half's backward pass ({@link BatchNormHalves}); null outside halves. */
    final INDArray[] partial;

    /** Row slices made by {@link #rows}, by their first and last row. */
    private final Map<Long, Tape> slices = new HashMap<>();
    /** The two row halves of {@link #halves}, made on first use. */
    private Tape[] halves;

    Tape(MlpSpec spec, int rows, DataType dtype) {
        this.rows = rows;
        this.dtype = dtype;
        this.spec = spec;
        this.partial = null;
        int n = spec.hidden().length;
        pre = new INDArray[n];
        z = new INDArray[n];
        h = new INDArray[n];
        mask = new INDArray[n];
        invStd = new INDArray[n];
        colA = new INDArray[n];
        colB = new INDArray[n];
        grad = new INDArray[n];
        grad2 = new INDArray[n];
        chain = new INDArray[n];
        boolean norm = spec.norm() == MlpSpec.Norm.BATCH;
        batchMean = norm ? new double[n][] : null;
        batchVar = norm ? new double[n][] : null;
        for (int l = 0; l < n; l++) {
            int w = spec.width(l);
            pre[l] = buf(rows, w);
            z[l] = spec.norm() == MlpSpec.Norm.BATCH ? buf(rows, w) : pre[l];
            h[l] = buf(rows, w);
            mask[l] = buf(rows, w);
            boolean bn = spec.norm() == MlpSpec.Norm.BATCH;
            invStd[l] = bn ? buf(1, w) : null;
            colA[l] = bn ? buf(1, w) : null;
            colB[l] = bn ? buf(1, w) : null;
            grad[l] = buf(rows, w);
            grad2[l] = buf(rows, w);
            chain[l] = buf(rows, w);
            if (norm) {
                batchMean[l] = new double[w];
                batchVar[l] = new double[w];
            }
        }
        int widest = scratchWidth(spec.hidden(), spec.outputDim());
        heap1 = new float[rows * widest];
        heap2 = new float[rows * widest];
        heap3 = new float[rows * widest];
        out = buf(rows, spec.outputDim());
        inputGrad = buf(rows, spec.inputDim());
        ones = Nd4j.ones(dtype, rows, 1);
    }

    /**
     * The row width of the fused kernels' scratch arrays: the widest layer they process, a hidden layer or the
     * output layer (a map network's output is wider than its hidden layers when {@code D} exceeds them).
     */
    static int scratchWidth(int[] hidden, int outputDim) {
        return Math.max(outputDim, java.util.Arrays.stream(hidden).max().orElse(1));
    }

    /**
     * A slice of {@code parent}: every per-row buffer is a view of its rows {@code [from, to)}; with
     * {@code own} the slice has its own scratch arrays and per-layer weight-shaped buffers, so that two slices
     * can run at once ({@link #halves}).
     */
    private Tape(Tape parent, int from, int to, boolean own) {
        this.rows = to - from;
        this.dtype = parent.dtype;
        this.spec = parent.spec;
        pre = slice(parent.pre, from, to);
        z = slice(parent.z, from, to);
        h = slice(parent.h, from, to);
        mask = slice(parent.mask, from, to);
        grad = slice(parent.grad, from, to);
        grad2 = slice(parent.grad2, from, to);
        chain = slice(parent.chain, from, to);
        batchMean = parent.batchMean;
        batchVar = parent.batchVar;
        invStd = parent.invStd;
        colA = parent.colA;
        colB = parent.colB;
        int size = own ? rows * scratchWidth(spec.hidden(), spec.outputDim()) : 0;
        heap1 = own ? new float[size] : parent.heap1;
        heap2 = own ? new float[size] : parent.heap2;
        heap3 = own ? new float[size] : parent.heap3;
        partial = own ? new INDArray[spec.hidden().length + 1] : null;
        for (int l = 0; own && l < partial.length; l++) {
            partial[l] = buf(spec.fanIn(l), spec.width(l));
        }
        out = rowView(parent.out, from, to);
        inputGrad = rowView(parent.inputGrad, from, to);
        ones = rowView(parent.ones, from, to);
    }

    /**
     * The first {@code rows / 2} rows and the rest, each a tape of its own with its own scratch, for the
     * two-lane passes of a batch-norm network ({@link BatchNormHalves}); made once and cached.
     */
    Tape[] halves() {
        if (halves == null) {
            halves = Scratch.outside(() -> new Tape[] {new Tape(this, 0, rows / 2, true), new Tape(this, rows / 2, rows, true)});
        }
        return halves;
    }

    /**
     * The rows {@code [from, to)} of this tape as a tape of their own, sharing its memory: a forward pass, input
     * gradient or double backward pass on the slice reads and writes only those rows, so one tape can hold
     * several batches that are evaluated at different times and then differentiated by one backward pass over
     * all rows ({@link Mlp#forward(Tape, INDArray, int, int)}). Not for batch-norm networks, whose statistics
     * are per batch. The slice is made once and cached.
     */
    public Tape rows(int from, int to) {
        if (from < 0 || to > rows || from >= to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") of a tape of " + rows);
        }
        if (invStd[0] != null) {
            throw new IllegalStateException("a batch-norm tape cannot be sliced: its statistics are over all its rows");
        }
        return from == 0 && to == rows ? this : slices.computeIfAbsent(((long) from << 32) | to, k -> new Tape(this, from, to, false));
    }

    private static INDArray[] slice(INDArray[] arrays, int from, int to) {
        INDArray[] out = new INDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i] == null ? null : rowView(arrays[i], from, to);
        }
        return out;
    }

    static INDArray rowView(INDArray a, int from, int to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    private INDArray buf(long r, long c) {
        return Nd4j.createUninitialized(dtype, r, c);
    }

    /** The number of rows this tape holds. */
    public int rows() {
        return rows;
    }

    /** The input gradients of the last {@link Mlp#inputGradient} on this tape or its slices, {@code [m, inputDim]}; a view owned by the tape. */
    public INDArray inputGradient() {
        return inputGrad;
    }

    /** The output of the last forward pass, {@code [m, outputDim]}; a view owned by the tape. */
    public INDArray output() {
        return out;
    }
}
