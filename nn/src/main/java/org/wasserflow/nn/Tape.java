package org.wasserflow.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activations of one forward pass of an {@link Mlp} on a batch of {@code m} rows, kept for the
 * backward passes, plus preallocated scratch buffers. A tape is reused across calls with the same batch
 * size, so training steps allocate nothing large. Not thread-safe.
 */
public final class Tape {

    final int rows;
    private final DataType dtype;
    INDArray input;
    /** Per hidden layer: normalised pre-activation (the plain pre-activation without batch norm). */
    final INDArray[] pre;
    /** Per hidden layer: the ReLU input (batch-norm output, or {@code pre} itself without batch norm). */
    final INDArray[] z;
    /** Per hidden layer: ReLU output. */
    final INDArray[] h;
    /** Per hidden layer: ReLU derivative, 1 where {@code z > 0}. */
    final INDArray[] mask;
    /** Per hidden layer: batch-norm inverse standard deviations {@code [1, w]}, null without batch norm. */
    final INDArray[] invStd;
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
    final INDArray out;
    final INDArray inputGrad;
    final INDArray ones;

    Tape(MlpSpec spec, int rows, DataType dtype) {
        this.rows = rows;
        this.dtype = dtype;
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
        }
        int widest = java.util.Arrays.stream(spec.hidden()).max().orElse(1);
        heap1 = new float[rows * widest];
        heap2 = new float[rows * widest];
        out = buf(rows, spec.outputDim());
        inputGrad = buf(rows, spec.inputDim());
        ones = Nd4j.ones(dtype, rows, 1);
    }

    private INDArray buf(long r, long c) {
        return Nd4j.createUninitialized(dtype, r, c);
    }

    /** The number of rows this tape holds. */
    public int rows() {
        return rows;
    }

    /** The output of the last forward pass, {@code [m, outputDim]}; a view owned by the tape. */
    public INDArray output() {
        return out;
    }
}
