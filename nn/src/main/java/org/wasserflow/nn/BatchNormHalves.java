package org.wasserflow.nn;

import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The forward and backward passes of a float batch-norm {@link Mlp} over the two row halves of its batch,
 * each half a piece of {@link TwoLanes} (so on two cores when the lanes are parallel). Batch statistics
 * (PyTorch's training mode, as in {@link Mlp}) are over the whole batch: every sum over rows is taken per half
 * and the two are added, first half plus second half, on the calling thread; a parameter gradient is the
 * first half's product plus the second's, added in that order. So the result is the same, bit for bit,
 * whether the halves run on one thread or two; it differs from a whole-batch pass only by that order of
 * additions. Each layer takes three hand-offs forward (products and column sums, centring and variances,
 * normalisation and ReLU) and two backward.
 */
final class BatchNormHalves {

    private final Mlp net;

    BatchNormHalves(Mlp net) {
        this.net = net;
    }

    /** As {@link Mlp#forward(Tape, INDArray)}; {@code x} has at least two rows. */
    INDArray forward(Tape tape, INDArray x, TwoLanes lanes, double eps) {
        Tape[] half = tape.halves();
        tape.input = x;
        half[0].input = Tape.rowView(x, 0, half[0].rows);
        half[1].input = Tape.rowView(x, half[0].rows, tape.rows);
        int layers = net.layerCount();
        for (int l = 0; l < layers - 1; l++) {
            int layer = l;
            int cols = net.spec().width(l);
            float[] mean = sum(each(lanes, h -> {
                Tape t = half[h];
                net.gemm(in(t, layer), net.weight(layer).value(), t.pre[layer], false, false, 1.0, 0.0);
                return Kernels.columnSums(Kernels.read(t.pre[layer], t.heap1), t.rows, cols);
            }));
            for (int j = 0; j < cols; j++) {
                mean[j] /= tape.rows;
            }
            float[] var = sum(each(lanes, h -> Kernels.centre(half[h].heap1, mean, half[h].heap2, half[h].rows)));
            float[] inv = new float[cols];
            for (int j = 0; j < cols; j++) {
                inv[j] = (float) (1.0 / Math.sqrt(var[j] / tape.rows + eps));
            }
            Kernels.write(tape.invStd[layer], inv, cols);
            float[] gamma = Kernels.read(net.gamma(layer).value(), new float[cols]);
            float[] beta = Kernels.read(net.beta(layer).value(), new float[cols]);
            each(lanes, h -> {
                Tape t = half[h];
                Kernels.normaliseRelu(t.heap1, inv, gamma, beta, t.pre[layer], t.h[layer], t.mask[layer], t.heap2, t.heap3);
                return null;
            });
        }
        int last = layers - 1;
        each(lanes, h -> {
            Tape t = half[h];
            net.gemm(t.h[last - 1], net.weight(last).value(), t.out, false, false, 1.0, 0.0);
            t.out.addiRowVector(net.bias(last).value());
            if (net.spec().residual()) {
                t.out.addi(t.input);
            }
            if (net.spec().output() == MlpSpec.Output.TANH) {
                Transforms.tanh(t.out, false);
            }
            return null;
        });
        return tape.out;
    }

    /** As {@link Mlp#backward(Tape, INDArray)} after {@link #forward} on the same tape. */
    void backward(Tape tape, INDArray dOut, TwoLanes lanes) {
        Tape[] half = tape.halves();
        int last = net.layerCount() - 1;
        float[] biasGrad = sum(each(lanes, h -> {
            Tape t = half[h];
            INDArray g = Tape.rowView(dOut, h == 0 ? 0 : half[0].rows, h == 0 ? half[0].rows : tape.rows);
            if (net.spec().output() == MlpSpec.Output.TANH) {
                g = t.out.mul(t.out).rsubi(1).muli(g);
            }
            net.gemm(t.h[last - 1], g, t.partial[last], true, false, 1.0, 0.0);
            net.gemm(g, net.weight(last).value(), t.grad[last - 1], false, true, 1.0, 0.0);
            return Kernels.columnSums(g.dup().data().asFloat(), t.rows, g.columns());
        }));
        accumulate(net.weight(last).grad(), half, last);
        Kernels.addTo(net.bias(last).grad(), biasGrad);
        for (int l = last - 1; l >= 0; l--) {
            int layer = l;
            int cols = net.spec().width(l);
            TwoLanes.Both<float[][], float[][]> sums = each(lanes, h -> {
                Tape t = half[h];
                return Kernels.maskedSums(t.grad[layer], t.mask[layer], t.pre[layer], t.heap1, t.heap2, t.heap3);
            });
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
            each(lanes, h -> {
                Tape t = half[h];
                Kernels.normaliseBackward(t.heap1, t.heap3, sumD, sumDx, scale, t.heap2, t.grad[layer]);
                net.gemm(in(t, layer), t.grad[layer], t.partial[layer], true, false, 1.0, 0.0);
                if (layer > 0) {
                    net.gemm(t.grad[layer], net.weight(layer).value(), t.grad[layer - 1], false, true, 1.0, 0.0);
                }
                return null;
            });
            accumulate(net.weight(layer).grad(), half, layer);
        }
    }

    /** The input of layer {@code l} on a half: its rows of the network's input, or of the previous ReLU output. */
    private static INDArray in(Tape t, int l) {
        return l == 0 ? t.input : t.h[l - 1];
    }

    /** The gradient of layer {@code l}'s weight: first half's product, then the second's. */
    private static void accumulate(INDArray grad, Tape[] half, int l) {
        grad.addi(half[0].partial[l]).addi(half[1].partial[l]);
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
