package org.wasserflow.w2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.testkit.Contracts;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.MlpSpec;
import org.wasserflow.nn.TwoLanes;

/** The gradient of the full W2 dual objective, equality terms included, against finite differences. */
class W2DualObjectiveTest {

    @ParameterizedTest
    @CsvSource({"SQUARED, true, true, true", "LINEAR, true, false, false", "SQUARED, false, true, true", "LINEAR, false, false, false",
        "SQUARED, true, true, false"})
    void gradientMatchesFiniteDifferences(W2DualConfig.Penalty penalty, boolean interpolants, boolean equality, boolean parallel) {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(3);
        MlpSpec spec = MlpSpec.scalar(2, new int[] {9, 7}, 0.6);
        Mlp phi = new Mlp(spec, rng, DataType.DOUBLE);
        Mlp psi = new Mlp(spec, rng, DataType.DOUBLE);
        W2DualObjective obj = new W2DualObjective(new W2DualConfig(penalty, 3.0, interpolants, equality, 0.7), phi, psi,
                new TwoLanes("critic", parallel));
        int m = 12;
        INDArray y = Nd4j.randn(rng, m, 2).castTo(DataType.DOUBLE).muli(0.3);
        INDArray x = Nd4j.randn(rng, m, 2).castTo(DataType.DOUBLE).addi(1);
        INDArray a = Nd4j.rand(rng, m, 1).castTo(DataType.DOUBLE);
        INDArray b = Nd4j.rand(rng, m, 1).castTo(DataType.DOUBLE);
        for (Mlp net : new Mlp[] {phi, psi}) {
            phi.parameters().zeroGrad();
            psi.parameters().zeroGrad();
            obj.accumulate(y, x, a, b);
            INDArray grads = net.parameters().grads().dup();
            INDArray values = net.parameters().values();
            int nonZero = 0;
            for (long k = 0; k < values.length(); k++) {
                double fd = Contracts.centralDifference(values, k, () -> obj.accumulate(y, x, a, b).loss());
                assertEquals(fd, grads.getDouble(k), 1e-5 * Math.max(1, Math.abs(fd)), "parameter " + k);
                nonZero += grads.getDouble(k) != 0 ? 1 : 0;
            }
            assertTrue(nonZero > values.length() / 4, "non-vacuous: " + nonZero + " of " + values.length());
        }
    }

    @org.junit.jupiter.api.Test
    void twoThreadsGiveExactlyTheSameGradientAsOne() {
        INDArray[] grads = new INDArray[2];
        double[] losses = new double[2];
        for (int t = 0; t < 2; t++) {
            Random rng = Nd4j.getRandomFactory().getNewRandomInstance(11);
            MlpSpec spec = MlpSpec.scalar(2, new int[] {32, 32}, 0.3);
            Mlp phi = new Mlp(spec, rng);
            Mlp psi = new Mlp(spec, rng);
            W2DualConfig cfg = new W2DualConfig(W2DualConfig.Penalty.SQUARED, 200, true, true, 1.0);
            W2DualObjective obj = new W2DualObjective(cfg, phi, psi, new TwoLanes("critic", t == 1));
            INDArray y = Nd4j.randn(rng, 256, 2).muli(0.1);
            INDArray x = Nd4j.randn(rng, 256, 2);
            INDArray a = Nd4j.rand(rng, 256, 1);
            losses[t] = obj.accumulate(y, x, a, a.rsub(1)).loss();
            grads[t] = org.nd4j.linalg.factory.Nd4j.concat(0, phi.parameters().grads(), psi.parameters().grads());
        }
        assertEquals(losses[0], losses[1], 0.0);
        assertEquals(grads[0], grads[1]);
    }
}
