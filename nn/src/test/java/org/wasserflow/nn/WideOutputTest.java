package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A float network whose output is wider than its hidden layers (a map network with {@code map.hidden} narrower
 * than the dimension) runs the fused kernels with scratch arrays wide enough for its output layer.
 */
class WideOutputTest {

    @Test
    void residualMapWiderThanItsHiddenLayerMatchesTheFormula() {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(5);
        Mlp net = new Mlp(new MlpSpec(12, new int[] {4}, 12, MlpSpec.Norm.NONE, true, 0.3), rng, DataType.FLOAT);
        INDArray x = Nd4j.randn(rng, new long[] {9, 12}).castTo(DataType.FLOAT);
        Tape tape = net.newTape(9);
        INDArray out = net.forward(tape, x).dup();
        INDArray hidden = Transforms.relu(x.mmul(net.weight(0).value()).addRowVector(net.bias(0).value()));
        INDArray expected = x.add(hidden.mmul(net.weight(1).value()).addRowVector(net.bias(1).value()));
        assertEquals(0.0, out.sub(expected).norm1Number().doubleValue() / out.length(), 1e-5);
        INDArray r = Nd4j.randn(rng, new long[] {9, 12}).castTo(DataType.FLOAT);
        net.backward(tape, r);
        INDArray weightGrad = hidden.transpose().mmul(r);
        assertEquals(0.0, net.weight(1).grad().sub(weightGrad).norm1Number().doubleValue() / weightGrad.length(), 1e-4);
    }
}
