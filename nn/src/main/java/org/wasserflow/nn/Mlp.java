package org.wasserflow.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A fully connected ReLU network with hand-written backpropagation into preallocated buffers
 * ({@link Tape}), including the input gradient {@code grad_x f} of a scalar network and the
 * parameter gradient of any loss written in that input gradient ("double backpropagation", needed by
 * gradient penalties and the W2 equality terms; SameDiff has no second-order gradients).
 *
 * <p>Layers: {@code a_l = h_{l-1} W_l + b_l}, {@code h_l = relu(a_l)} (with batch norm
 * {@code relu(gamma * (a_l - mean) / std + beta)} using batch statistics, and no bias), output
 * {@code h_{L-1} W_L + b_L}, plus the input if residual, then tanh if asked. ReLU has zero second derivative almost
 * everywhere, so the double backward pass treats the ReLU masks as constants, which is exact.
 *
 * <p>Gradients accumulate into {@link #parameters()}'s gradient buffer; an optimiser consumes them.
 *
 * <p>{@link #forward} is the training pass (PyTorch's {@code train()} mode: batch statistics, so an output row
 * depends on the whole batch); {@link #infer} is the inference pass ({@code eval()} mode: the running statistics
 * of {@link #runningStatistics()}, which the owner updates after training passes), a function of each row.
 */
public final class Mlp {

    /** Batch norm's variance guard, as in PyTorch. */
    private static final double BN_EPS = 1e-5;

    private final MlpSpec spec;
    private final Parameters params;
    private final int layers;
    private final int[] weightIndex;
    private final boolean batchNorm;

    private final DataType dtype;
    private final LongAdder flops = new LongAdder();
    private final BatchNormHalves halves = new BatchNormHalves(this);
    /** Batch norm's running statistics; null without batch norm. */
    private final RunningStatistics running;
    private TwoLanes sequential;

    /** Creates a float network with weights drawn from {@code N(0, initStd^2)} using {@code rng}. */
    public Mlp(MlpSpec spec, Random rng) {
        this(spec, rng, DataType.FLOAT);
    }

    /** As {@link #Mlp(MlpSpec, Random)} in the given floating-point type (DOUBLE for gradient checks). */
    public Mlp(MlpSpec spec, Random rng, DataType dtype) {
        this.spec = spec;
        this.params = Scratch.outside(() -> new Parameters(shapes(spec), dtype));
        this.dtype = dtype;
        this.layers = spec.hidden().length + 1;
        this.batchNorm = spec.norm() == MlpSpec.Norm.BATCH;
        this.running = batchNorm ? new RunningStatistics(spec.hidden()) : null;
        this.weightIndex = new int[layers];
        for (int l = 1; l < layers; l++) {
            weightIndex[l] = weightIndex[l - 1] + (batchNorm ? 3 : 2);
        }
        for (int l = 0; l < layers; l++) {
            INDArray w = weight(l).value();
            w.assign(Scratch.outside(() -> Nd4j.randn(rng, w.shape())).castTo(dtype).muli(spec.initStd()));
            if (batchNorm && l < layers - 1) {
                INDArray g = gamma(l).value();
                if (spec.normScaleStd() > 0) {
                    g.assign(Scratch.outside(() -> Nd4j.randn(rng, g.shape())).castTo(dtype).muli(spec.normScaleStd()));
                } else {
                    g.assign(1);
                }
            }
        }
    }

    /** Per layer: the weight {@code [fanIn, width]}, then the bias, or batch norm's gamma and beta. */
    private static List<long[]> shapes(MlpSpec spec) {
        int layers = spec.hidden().length + 1;
        List<long[]> shapes = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            shapes.add(new long[] {spec.fanIn(l), spec.width(l)});
            shapes.add(new long[] {1, spec.width(l)});
            if (spec.norm() == MlpSpec.Norm.BATCH && l < layers - 1) {
                shapes.add(new long[] {1, spec.width(l)});
            }
        }
        return shapes;
    }

    /** The architecture. */
    public MlpSpec spec() {
        return spec;
    }

    /** The parameters, with their gradient buffer. */
    public Parameters parameters() {
        return params;
    }

    /** Batch norm's running statistics for {@link #infer}; empty without batch norm. */
    public Optional<RunningStatistics> runningStatistics() {
        return Optional.ofNullable(running);
    }

    /**
     * The inference pass: as {@link #forward}, but batch norm normalises with the running statistics
     * ({@link #runningStatistics()}) instead of the batch's, so row {@code i} of the result depends on row
     * {@code i} of {@code x} and the network's state only: a row gets the same output, to float rounding, alone
     * or inside any batch. Without batch norm it computes what {@link #forward} does. Changes no state and uses no
     * tape; its buffers are {@code [min(m, 4096), width]} per hidden layer (in the active workspace, if any).
     *
     * @param x {@code [m, inputDim]}, not modified
     * @return a new {@code [m, outputDim]} array, allocated outside any workspace
     */
    public INDArray infer(INDArray x) {
        if (x.columns() != spec.inputDim()) {
            throw new IllegalArgumentException("the network takes " + spec.inputDim() + " columns, the input has " + x.columns());
        }
        return Inference.run(this, running, x, BN_EPS);
    }

    /** A tape for batches of {@code rows} rows; reuse it across steps. */
    public Tape newTape(int rows) {
        return Scratch.outside(() -> new Tape(spec, rows, dtype));
    }

    Parameters.Tensor weight(int l) {
        return params.get(weightIndex[l]);
    }

    Parameters.Tensor bias(int l) {
        return params.get(weightIndex[l] + 1);
    }

    Parameters.Tensor gamma(int l) {
        return params.get(weightIndex[l] + 1);
    }

    Parameters.Tensor beta(int l) {
        return params.get(weightIndex[l] + 2);
    }

    /**
     * Forward pass (training mode: batch norm with the batch's statistics, which stay on the tape for
     * {@link RunningStatistics#update}); the result is the tape's output buffer, valid until the tape is used again.
     *
     * @param tape a tape with {@code x.rows()} rows
     * @param x {@code [m, inputDim]}, kept by reference until the next forward on this tape
     */
    public INDArray forward(Tape tape, INDArray x) {
        return forward(tape, x, sequential());
    }

    /**
     * As {@link #forward(Tape, INDArray)}; a float batch-norm network of at least two rows computes the two row
     * halves of every layer as the two pieces of {@code lanes} ({@link BatchNormHalves}: the same result on one
     * thread or two), any other network ignores the lanes.
     */
    public INDArray forward(Tape tape, INDArray x, TwoLanes lanes) {
        checkRows(tape, x);
        if (halved(tape, x)) {
            return halves.forward(tape, x, lanes, BN_EPS);
        }
        tape.input = x;
        INDArray prev = x;
        for (int l = 0; l < layers - 1; l++) {
            INDArray a = tape.pre[l];
            gemm(prev, weight(l).value(), a, false, false, 1.0, 0.0);
            if (!batchNorm && Kernels.applies(a, tape.h[l], tape.mask[l], weight(l).value())) {
                Kernels.biasReluMask(a, bias(l).value(), tape.h[l], tape.mask[l], tape.heap1, tape.heap2);
            } else {
                if (batchNorm) {
                    normalise(tape, l);
                } else {
                    a.addiRowVector(bias(l).value());
                }
                Nd4j.exec(new RectifiedLinear(tape.z[l], tape.h[l], 0.0));
                Nd4j.exec(new Step(tape.z[l], tape.mask[l], 0.0));
            }
            prev = tape.h[l];
        }
        int last = layers - 1;
        gemm(prev, weight(last).value(), tape.out, false, false, 1.0, 0.0);
        if (Kernels.dense(tape.out, bias(last).value())) {
            Kernels.addRow(tape.out, bias(last).value(), tape.heap1);
        } else {
            tape.out.addiRowVector(bias(last).value());
        }
        OutputMap.apply(spec, tape.out, x);
        return tape.out;
    }

    /**
     * Forward pass on rows {@code [from, to)} of {@code x} into the same rows of the tape ({@link Tape#rows}),
     * leaving its other rows as they are; the tape keeps all of {@code x} as its input, so that a later
     * {@link #backward} over the whole tape differentiates every row.
     *
     * @param tape a tape with {@code x.rows()} rows
     * @param x {@code [m, inputDim]}, kept by reference until the next forward on this tape
     * @return the output rows {@code [from, to)}, a view owned by the tape
     */
    public INDArray forward(Tape tape, INDArray x, int from, int to) {
        checkRows(tape, x);
        Tape part = tape.rows(from, to);
        INDArray out = part == tape ? forward(tape, x) : forward(part, x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
        tape.input = x;
        return out;
    }

    /** Batch norm with batch statistics, ND4J ops (reference path for non-float types). */
    private void normalise(Tape tape, int l) {
        INDArray a = tape.pre[l];
        double invRows = 1.0 / tape.rows;
        gemm(tape.ones, a, tape.colA[l], true, false, invRows, 0.0);
        a.subiRowVector(tape.colA[l]);
        INDArray sq = tape.grad2[l].assign(a).muli(a);
        INDArray inv = tape.invStd[l];
        gemm(tape.ones, sq, inv, true, false, invRows, 0.0);
        for (int j = 0; j < tape.batchMean[l].length; j++) {
            tape.batchMean[l][j] = tape.colA[l].getDouble(j);
            tape.batchVar[l][j] = inv.getDouble(j);
        }
        Transforms.pow(inv.addi(BN_EPS), -0.5, false);
        a.muliRowVector(inv);
        tape.z[l].assign(a).muliRowVector(gamma(l).value()).addiRowVector(beta(l).value());
    }

    /**
     * Accumulates the parameter gradient of a loss given its gradient with respect to the output of the
     * last {@link #forward} on this tape.
     *
     * @param dOut {@code [m, outputDim]}, not modified
     */
    public void backward(Tape tape, INDArray dOut) {
        backward(tape, dOut, sequential());
    }

    /** As {@link #backward(Tape, INDArray)}, with the lanes of {@link #forward(Tape, INDArray, TwoLanes)}. */
    public void backward(Tape tape, INDArray dOut, TwoLanes lanes) {
        if (halved(tape, tape.input)) {
            halves.backward(tape, dOut, lanes);
            return;
        }
        dOut = OutputMap.backward(spec, tape.out, tape.input, dOut);
        int last = layers - 1;
        INDArray prev = tape.h[last - 1];
        gemm(prev, dOut, weight(last).grad(), true, false, 1.0, 1.0);
        gemm(tape.ones, dOut, bias(last).grad(), true, false, 1.0, 1.0);
        INDArray dh = tape.grad[last - 1];
        gemm(dOut, weight(last).value(), dh, false, true, 1.0, 0.0);
        for (int l = last - 1; l >= 0; l--) {
            INDArray da = tape.grad[l].muli(tape.mask[l]);
            if (batchNorm) {
                normaliseBackward(tape, l, da);
            } else {
                gemm(tape.ones, da, bias(l).grad(), true, false, 1.0, 1.0);
            }
            INDArray in = l == 0 ? tape.input : tape.h[l - 1];
            gemm(in, da, weight(l).grad(), true, false, 1.0, 1.0);
            if (l > 0) {
                gemm(da, weight(l).value(), tape.grad[l - 1], false, true, 1.0, 0.0);
            }
        }
    }

    /** Replaces {@code dz} (gradient at the batch-norm output) by the gradient at the pre-activation. */
    private void normaliseBackward(Tape tape, int l, INDArray dz) {
        INDArray xhat = tape.pre[l];
        INDArray scratch = tape.grad2[l];
        double invRows = 1.0 / tape.rows;
        gemm(tape.ones, scratch.assign(dz).muli(xhat), gamma(l).grad(), true, false, 1.0, 1.0);
        gemm(tape.ones, dz, beta(l).grad(), true, false, 1.0, 1.0);
        INDArray dxhat = dz.muliRowVector(gamma(l).value());
        gemm(tape.ones, dxhat, tape.colA[l], true, false, invRows, 0.0);
        gemm(tape.ones, scratch.assign(dxhat).muli(xhat), tape.colB[l], true, false, invRows, 0.0);
        dxhat.subiRowVector(tape.colA[l]).subi(scratch.assign(xhat).muliRowVector(tape.colB[l])).muliRowVector(tape.invStd[l]);
    }

    /**
     * The input gradient {@code grad_x f(x_i)} of a scalar network at the inputs of the last forward pass:
     * {@code ((W_L^T * d_{L-1}) W_{L-1}^T * ... * d_1) W_1^T} with {@code d_l} the ReLU masks. Keeps the
     * chain on the tape for {@link #backwardInputGradient}.
     *
     * @return the tape's {@code [m, inputDim]} buffer, valid until the tape is used again
     */
    public INDArray inputGradient(Tape tape) {
        requireScalarPlain();
        int last = layers - 1;
        INDArray g = tape.chain[last - 1];
        gemm(tape.ones, weight(last).value(), g, false, true, 1.0, 0.0);
        g.muli(tape.mask[last - 1]);
        for (int l = last - 1; l >= 1; l--) {
            gemm(tape.chain[l], weight(l).value(), tape.chain[l - 1], false, true, 1.0, 0.0);
            tape.chain[l - 1].muli(tape.mask[l - 1]);
        }
        gemm(tape.chain[0], weight(0).value(), tape.inputGrad, false, true, 1.0, 0.0);
        return tape.inputGrad;
    }

    /**
     * Accumulates the parameter gradient of a loss written in the input gradient: given
     * {@code U = dLoss / d(grad_x f)} of shape {@code [m, inputDim]}, adds {@code d<U, grad_x f>/dtheta}.
     * Requires {@link #inputGradient} on the same tape first. Biases receive nothing (the input gradient
     * of a ReLU network does not depend on them).
     */
    public void backwardInputGradient(Tape tape, INDArray u) {
        requireScalarPlain();
        int last = layers - 1;
        gemm(u, tape.chain[0], weight(0).grad(), true, false, 1.0, 1.0);
        INDArray dg = tape.grad[0];
        gemm(u, weight(0).value(), dg, false, false, 1.0, 0.0);
        for (int l = 0; l < last - 1; l++) {
            dg.muli(tape.mask[l]);
            gemm(dg, tape.chain[l + 1], weight(l + 1).grad(), true, false, 1.0, 1.0);
            INDArray next = tape.grad[l + 1];
            gemm(dg, weight(l + 1).value(), next, false, false, 1.0, 0.0);
            dg = next;
        }
        dg.muli(tape.mask[last - 1]);
        gemm(dg, tape.ones, weight(last).grad(), true, false, 1.0, 1.0);
    }

    /**
     * The work of the matrix products this network has performed so far, in floating-point operations
     * ({@code 2 M N K} per product {@code [M, K] x [K, N]}): what a benchmark divides by the time taken to
     * compare with the machine's GEMM rate. Read it between passes.
     */
    public long flops() {
        return flops.sum();
    }

    void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        Gemm.gemm(a, b, c, transA, transB, alpha, beta);
        flops.add(2L * c.rows() * c.columns() * (transA ? a.rows() : a.columns()));
    }

    /** The number of weight layers (hidden layers plus the output layer). */
    int layerCount() {
        return layers;
    }

    /** Whether a pass on {@code tape} goes through {@link BatchNormHalves}: float batch norm, at least two rows. */
    private boolean halved(Tape tape, INDArray x) {
        return batchNorm && tape.rows >= 2 && x != null && Kernels.applies(x, tape.pre[0]);
    }

    private TwoLanes sequential() {
        if (sequential == null) {
            sequential = new TwoLanes("mlp", false);
        }
        return sequential;
    }

    private void requireScalarPlain() {
        if (spec.outputDim() != 1 || batchNorm || spec.residual() || spec.output() != MlpSpec.Output.LINEAR) {
            throw new IllegalStateException("input gradients need a plain scalar network, got " + spec);
        }
    }

    private static void checkRows(Tape tape, INDArray x) {
        if (x.rows() != tape.rows) {
            throw new IllegalArgumentException("tape holds " + tape.rows + " rows, input has " + x.rows());
        }
    }
}
