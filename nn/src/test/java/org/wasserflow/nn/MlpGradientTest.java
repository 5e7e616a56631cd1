package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.wasserflow.api.testkit.Contracts;

/** Hand-written backpropagation against central finite differences, in double precision. */
class MlpGradientTest {

    private final Random rng = Nd4j.getRandomFactory().getNewRandomInstance(7);

    private Mlp scalarNet() {
        return new Mlp(MlpSpec.scalar(3, new int[] {6, 5, 4}, 0.7), rng, DataType.DOUBLE);
    }

    private INDArray randn(long... shape) {
        return Nd4j.randn(rng, shape).castTo(DataType.DOUBLE);
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        Mlp net = scalarNet();
        INDArray x = randn(8, 3);
        Tape tape = net.newTape(8);
        net.forward(tape, x);
        INDArray g = net.inputGradient(tape).dup();
        Tape probe = net.newTape(8);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 3; j++) {
                int r = i;
                double fd = Contracts.centralDifference(x, (long) i * x.columns() + j, () -> net.forward(probe, x).getDouble(r, 0));
                assertEquals(fd, g.getDouble(i, j), 1e-7, "d f(x_" + i + ") / dx_" + j);
            }
        }
    }

    @Test
    void parameterGradientMatchesFiniteDifferences() {
        Mlp net = scalarNet();
        INDArray x = randn(8, 3);
        INDArray r = randn(8, 1);
        Tape tape = net.newTape(8);
        net.forward(tape, x);
        net.backward(tape, r);
        assertParamGradient(net, () -> net.forward(net.newTape(8), x).mul(r).sumNumber().doubleValue());
    }

    @Test
    void doubleBackpropMatchesFiniteDifferences() {
        Mlp net = scalarNet();
        INDArray x = randn(8, 3);
        INDArray u = randn(8, 3);
        Tape tape = net.newTape(8);
        net.forward(tape, x);
        net.inputGradient(tape);
        net.backwardInputGradient(tape, u);
        assertParamGradient(net, () -> {
            Tape t = net.newTape(8);
            net.forward(t, x);
            return net.inputGradient(t).mul(u).sumNumber().doubleValue();
        });
    }

    @Test
    void batchNormResidualGradientMatchesFiniteDifferences() {
        Mlp net = new Mlp(new MlpSpec(2, new int[] {7, 6}, 2, MlpSpec.Norm.BATCH, true, 0.5), rng, DataType.DOUBLE);
        INDArray x = randn(10, 2);
        INDArray r = randn(10, 2);
        Tape tape = net.newTape(10);
        net.forward(tape, x);
        net.backward(tape, r);
        assertParamGradient(net, () -> net.forward(net.newTape(10), x).mul(r).sumNumber().doubleValue());
    }

    @Test
    void tanhOutputGradientMatchesFiniteDifferences() {
        Mlp net = new Mlp(new MlpSpec(3, new int[] {7, 6}, 3, MlpSpec.Norm.BATCH, true, 0.5, MlpSpec.Output.TANH), rng,
                DataType.DOUBLE);
        INDArray x = randn(10, 3);
        INDArray r = randn(10, 3);
        Tape tape = net.newTape(10);
        INDArray out = net.forward(tape, x);
        org.junit.jupiter.api.Assertions.assertTrue(out.amaxNumber().doubleValue() < 1, "tanh bounds the output");
        net.backward(tape, r);
        assertParamGradient(net, () -> net.forward(net.newTape(10), x).mul(r).sumNumber().doubleValue());
    }

    @Test
    void clampTanhOutputGradientMatchesFiniteDifferences() {
        Mlp net = new Mlp(new MlpSpec(3, new int[] {7, 6}, 3, MlpSpec.Norm.BATCH, true, 0.5, MlpSpec.Output.CLAMP_TANH, 0, 2),
                rng, DataType.DOUBLE);
        INDArray x = randn(10, 3).muli(1.5);
        INDArray r = randn(10, 3);
        Tape tape = net.newTape(10);
        INDArray out = net.forward(tape, x).dup();
        INDArray branch = out.sub(Transforms.max(Transforms.min(x, 1.0, true), -1.0, false));
        assertTrue(branch.amaxNumber().doubleValue() < 2,
                "the output is the clamped input plus a correction bounded by the scale");
        net.backward(tape, r);
        assertParamGradient(net, () -> net.forward(net.newTape(10), x).mul(r).sumNumber().doubleValue());
    }

    @Test
    void batchNormNormalisesHiddenUnits() {
        Mlp net = new Mlp(new MlpSpec(2, new int[] {16}, 2, MlpSpec.Norm.BATCH, false, 0.5), rng, DataType.DOUBLE);
        Tape tape = net.newTape(64);
        net.forward(tape, randn(64, 2).muli(3).addi(5));
        INDArray z = tape.z[0];
        assertEquals(0.0, z.mean(0).amaxNumber().doubleValue(), 1e-9);
        assertEquals(1.0, z.var(false, 0).meanNumber().doubleValue(), 1e-3);
    }

    private void assertParamGradient(Mlp net, DoubleSupplier loss) {
        INDArray grads = net.parameters().grads().dup();
        INDArray values = net.parameters().values();
        int checked = 0;
        for (int k = 0; k < values.length(); k++) {
            double fd = Contracts.centralDifference(values, k, loss);
            double an = grads.getDouble(k);
            assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + k);
            checked += an != 0 ? 1 : 0;
        }
        assertTrue(checked > values.length() / 2, "most gradients are non-zero: " + checked);
    }
}
