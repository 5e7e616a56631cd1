package org.wasserflow.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The inference pass of an {@link Mlp} ({@link Mlp#infer}): batch norm with the running statistics, so each
 * output row is a function of its input row alone. Each batch-norm layer is then the affine map
 * {@code a s + t} per unit, with {@code s = gamma / sqrt(runningVar + eps)} and {@code t = beta - runningMean s}.
 * The rows go through in blocks of at most {@link #BLOCK_ROWS}, each layer's activations in one
 * {@code [block, width]} buffer, so memory does not grow with the number of rows beyond the result.
 */
final class Inference {

    /** The most rows pushed through at once. */
    static final int BLOCK_ROWS = 4096;

    private Inference() {
    }

    /**
     * @param x {@code [m, inputDim]}, not modified
     * @return a new {@code [m, outputDim]} array, allocated outside any workspace
     */
    static INDArray run(Mlp net, RunningStatistics running, INDArray x, double eps) {
        MlpSpec spec = net.spec();
        DataType dtype = net.parameters().values().dataType();
        int m = (int) x.rows();
        int hidden = net.layerCount() - 1;
        INDArray out = Scratch.outside(() -> Nd4j.createUninitialized(dtype, m, spec.outputDim()));
        if (m == 0) {
            return out;
        }
        INDArray[] scale = new INDArray[hidden];
        INDArray[] shift = new INDArray[hidden];
        for (int l = 0; l < hidden; l++) {
            if (running == null) {
                shift[l] = net.bias(l).value();
            } else {
                double[] gamma = net.gamma(l).value().toDoubleVector();
                double[] beta = net.beta(l).value().toDoubleVector();
                double[] mean = running.mean(l);
                double[] var = running.variance(l);
                double[] s = new double[gamma.length];
                double[] t = new double[gamma.length];
                for (int j = 0; j < s.length; j++) {
                    s[j] = gamma[j] / Math.sqrt(var[j] + eps);
                    t[j] = beta[j] - mean[j] * s[j];
                }
                scale[l] = Nd4j.createFromArray(s).castTo(dtype).reshape(1, s.length);
                shift[l] = Nd4j.createFromArray(t).castTo(dtype).reshape(1, t.length);
            }
        }
        int block = Math.min(m, BLOCK_ROWS);
        INDArray[] buffers = new INDArray[hidden];
        for (int l = 0; l < hidden; l++) {
            buffers[l] = Nd4j.createUninitialized(dtype, block, spec.width(l));
        }
        int last = hidden;
        for (int from = 0; from < m; from += block) {
            int to = Math.min(m, from + block);
            INDArray in = Tape.rowView(x, from, to);
            INDArray prev = in;
            for (int l = 0; l < hidden; l++) {
                INDArray a = Tape.rowView(buffers[l], 0, to - from);
                net.gemm(prev, net.weight(l).value(), a, false, false, 1.0, 0.0);
                if (scale[l] != null) {
                    a.muliRowVector(scale[l]);
                }
                a.addiRowVector(shift[l]);
                Nd4j.exec(new RectifiedLinear(a, a, 0.0));
                prev = a;
            }
            INDArray o = Tape.rowView(out, from, to);
            net.gemm(prev, net.weight(last).value(), o, false, false, 1.0, 0.0);
            o.addiRowVector(net.bias(last).value());
            OutputMap.apply(spec, o, in);
        }
        return out;
    }
}
