package org.wasserflow.nn;

import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward and backward passes of a float batch-norm {@link Mlp} over the two row halves of its batch,
 * each half a piece of {@link TwoLanes} (so on two cores when the lanes are parallel). Batch statistics
 * (PyTorch's training mode, as in {@link Mlp}) are over the whole batch: every sum over rows is taken per half
 * and the two are added, first half plus second half, on the calling thread; a parameter gradient is the
 * first half's product plus the second's, added in that order. So the result is the same, bit for bit,
 * whether the halves run on one thread or two; it differs from a whole-batch pass only by that order of
 * additions. Each hidden layer takes two hand-offs forward (its normalisation and ReLU with the next layer's
 * product and column sums, then centring and variances) and one backward (its gradient through the
 * normalisation and its products with the next layer down's masked sums), plus one for the output layer.
 * The forward pass leaves each layer's batch mean and biased variance on the tape ({@link RunningStatistics}).
 */
final class BatchNormHalves {

    private final Mlp net;
    /** Scratch of {@link #accumulate}, which runs on the calling thread: the gradient and the two halves' products. */
    private float[] summed = new float[0];
    private float[] firstHalf = summed;
    private float[] secondHalf = summed;

    BatchNormHalves(Mlp net) {
        this.net = net;
    }

    /** As {@link Mlp#forward(Tape, INDArray)}; {@code x} has at least two rows. */
    INDArray forward(Tape tape, INDArray x, TwoLanes lanes, double eps) {
        Tape[] half = tape.halves();
        tape.input = x;
        if (tape.halvedInput != x) {
            half[0].input = Scratch.outside(() -> Tape.rowView(x, 0, half[0].rows));
            half[1].input = Scratch.outside(() -> Tape.rowView(x, half[0].rows, tape.rows));
            tape.halvedInput = x;
        }
        int last = net.layerCount() - 1;
        Normalised previous = null;
        for (int l = 0; l <= last; l++) {
            int layer = l;
            Normalised before = previous;
            TwoLanes.Both<float[], float[]> halves = each(lanes, h -> {
                Tape t = half[h];
                if (before != null) {
                    Kernels.normaliseRelu(t.heap1, before.inv, before.gamma, before.beta, t.pre[layer - 1], t.h[layer - 1],
                            t.mask[layer - 1], t.heap2, t.heap3);
                }
                return layer < last ? product(t, layer) : output(t, last);
            });
            if (layer == last) {
                break;
            }
            int cols = net.spec().width(layer);
            float[] mean = sum(halves);
            for (int j = 0; j < cols; j++) {
                mean[j] /= tape.rows;
            }
            float[] var = sum(each(lanes, h -> Kernels.centre(half[h].heap1, mean, half[h].heap2, half[h].rows)));
            float[] inv = new float[cols];
            for (int j = 0; j < cols; j++) {
                float biased = var[j] / tape.rows;
                inv[j] = (float) (1.0 / Math.sqrt(biased + eps));
                tape.batchMean[layer][j] = mean[j];
                tape.batchVar[layer][j] = biased;
            }
            Kernels.write(tape.invStd[layer], inv, cols);
            previous = new Normalised(inv, Kernels.read(net.gamma(layer).value(), new float[cols]),
                    Kernels.read(net.beta(layer).value(), new float[cols]));
        }
        return tape.out;
    }

    /** A batch-norm layer's scale {@code 1 / std} and affine parameters, for its normalisation and ReLU. */
    private record Normalised(float[] inv, float[] gamma, float[] beta) {
    }

    /** Hidden layer {@code l}'s product on a half, kept in {@code heap1}; returns its column sums. */
    private float[] product(Tape t, int l) {
        net.gemm(in(t, l), net.weight(l).value(), t.pre[l], false, false, 1.0, 0.0);
        return Kernels.columnSums(Kernels.read(t.pre[l], t.heap1), t.rows, net.spec().width(l));
    }

    /** The output layer on a half. */
    private float[] output(Tape t, int last) {
        net.gemm(t.h[last - 1], net.weight(last).value(), t.out, false, false, 1.0, 0.0);
        Kernels.addRow(t.out, net.bias(last).value(), t.heap1);
        OutputMap.apply(net.spec(), t.out, t.input);
        return null;
    }

    /** As {@link Mlp#backward(Tape, INDArray)} after {@link #forward} on the same tape. */
    void backward(Tape tape, INDArray dOut, TwoLanes lanes) {
        Tape[] half = tape.halves();
        int last = net.layerCount() - 1;
        TwoLanes.Both<float[][], float[][]> top = each(lanes, h -> {
            Tape t = half[h];
            INDArray g = Tape.rowView(dOut, h == 0 ? 0 : half[0].rows, h == 0 ? half[0].rows : tape.rows);
            g = OutputMap.backward(net.spec(), t.out, t.input, g);
            net.gemm(t.h[last - 1], g, t.partial[last], true, false, 1.0, 0.0);
            net.gemm(g, net.weight(last).value(), t.grad[last - 1], false, true, 1.0, 0.0);
            float[] biasSums = Kernels.columnSums(g.dup().data().asFloat(), t.rows, g.columns());
            float[][] sums = maskedSums(t, last - 1);
            return new float[][] {biasSums, sums[0], sums[1]};
        });
        accumulate(net.weight(last).grad(), half, last);
        Kernels.addTo(net.bias(last).grad(), sum(new TwoLanes.Both<>(top.first()[0], top.second()[0])));
        TwoLanes.Both<float[][], float[][]> sums = new TwoLanes.Both<>(
                new float[][] {top.first()[1], top.first()[2]}, new float[][] {top.second()[1], top.second()[2]});
        for (int l = last - 1; l >= 0; l--) {
            int layer = l;
            int cols = net.spec().width(l);
            float[] sumD = sum(new TwoLanes.Both<>(sums.first()[0], sums.second()[0]));
            float[] sumDx = sum(new TwoLanes.Both<>(sums.first()[1], sums.second()[1]));
            Kernels.addTo(net.gamma(layer).grad(), sumDx);
            Kernels.addTo(net.beta(layer).grad(), sumD);
            float[] gamma = Kernels.read(net.gamma(layer).value(), new float[cols]);
            float[] inv = Kernels.read(tape.invStd[layer], new float[cols]);
            float[] scale = new float[cols];
            for (int j = 0; j < cols; j++) {
                scale[j] = gamma[j] * inv[j];
                sumD[j] /= tape.rows;
                sumDx[j] /= tape.rows;
            }
            sums = each(lanes, h -> {
                Tape t = half[h];
                Kernels.normaliseBackward(t.heap1, t.heap3, sumD, sumDx, scale, t.heap2, t.grad[layer]);
                net.gemm(in(t, layer), t.grad[layer], t.partial[layer], true, false, 1.0, 0.0);
                if (layer == 0) {
                    return null;
                }
                net.gemm(t.grad[layer], net.weight(layer).value(), t.grad[layer - 1], false, true, 1.0, 0.0);
                return maskedSums(t, layer - 1);
            });
            accumulate(net.weight(layer).grad(), half, layer);
        }
    }

    /** Layer {@code l}'s masked gradient sums on a half ({@link Kernels#maskedSums}), its values left in the heaps. */
    private static float[][] maskedSums(Tape t, int l) {
        return Kernels.maskedSums(t.grad[l], t.mask[l], t.pre[l], t.heap1, t.heap2, t.heap3);
    }

    /** The input of layer {@code l} on a half: its rows of the network's input, or of the previous ReLU output. */
    private static INDArray in(Tape t, int l) {
        return l == 0 ? t.input : t.h[l - 1];
    }

    /**
     * The gradient of layer {@code l}'s weight: first half's product, then the second's, added in float in
     * that order (as {@code grad.addi(first).addi(second)}), on the calling thread.
     */
    private void accumulate(INDArray grad, Tape[] half, int l) {
        int n = (int) grad.length();
        if (summed.length < n) {
            summed = new float[n];
            firstHalf = new float[n];
            secondHalf = new float[n];
        }
        float[] g = Kernels.read(grad, summed);
        float[] first = Kernels.read(half[0].partial[l], firstHalf);
        float[] second = Kernels.read(half[1].partial[l], secondHalf);
        for (int i = 0; i < n; i++) {
            g[i] = g[i] + first[i] + second[i];
        }
        Kernels.write(grad, g, n);
    }

    private static <T> TwoLanes.Both<T, T> each(TwoLanes lanes, IntFunction<T> piece) {
        return lanes.both(() -> piece.apply(0), () -> piece.apply(1));
    }

    /** First plus second, per column. */
    private static float[] sum(TwoLanes.Both<float[], float[]> halves) {
        float[] out = halves.first().clone();
        float[] second = halves.second();
        for (int j = 0; j < out.length; j++) {
            out[j] += second[j];
        }
        return out;
    }
}
