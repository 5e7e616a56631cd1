package org.wasserflow.w1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.testkit.Contracts;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.MlpSpec;
import org.wasserflow.nn.Tape;

/** The W1 critic objective's parameter gradient, penalty included, and the critic's input gradient, against finite differences. */
class W1CriticObjectiveTest {

    private static final int M = 12;

    private static INDArray[] batch(Random rng) {
        INDArray y = Nd4j.randn(rng, M, 2).castTo(DataType.DOUBLE).muli(0.3);
        INDArray x = Nd4j.randn(rng, M, 2).castTo(DataType.DOUBLE).addi(1);
        INDArray a = Nd4j.rand(rng, M, 1).castTo(DataType.DOUBLE);
        return new INDArray[] {y, x, a};
    }

    @ParameterizedTest
    @EnumSource(W1CriticConfig.Penalty.class)
    void gradientMatchesFiniteDifferences(W1CriticConfig.Penalty penalty) {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(5);
        Mlp f = new Mlp(MlpSpec.scalar(2, new int[] {9, 7}, 0.9), rng, DataType.DOUBLE);
        W1CriticObjective obj = new W1CriticObjective(new W1CriticConfig(penalty, 3.0), f);
        INDArray[] b = batch(rng);
        f.parameters().zeroGrad();
        W1CriticObjective.Value v = obj.accumulate(b[0], b[1], b[2]);
        assertTrue(v.penalty() > 1e-3, "the penalty is active, so its gradient is checked: " + v.penalty());
        INDArray grads = f.parameters().grads().dup();
        INDArray values = f.parameters().values();
        int nonZero = 0;
        for (long k = 0; k < values.length(); k++) {
            double fd = Contracts.centralDifference(values, k, () -> obj.accumulate(b[0], b[1], b[2]).loss());
            assertEquals(fd, grads.getDouble(k), 1e-5 * Math.max(1, Math.abs(fd)), "parameter " + k);
            nonZero += grads.getDouble(k) != 0 ? 1 : 0;
        }
        assertTrue(nonZero > values.length() / 4, "non-vacuous: " + nonZero + " of " + values.length());
    }

    @Test
    void penaltyGradientAloneMatchesFiniteDifferences() {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(8);
        Mlp f = new Mlp(MlpSpec.scalar(2, new int[] {8, 8}, 1.2), rng, DataType.DOUBLE);
        INDArray[] b = batch(rng);
        W1CriticObjective full = new W1CriticObjective(new W1CriticConfig(W1CriticConfig.Penalty.GP, 2.0), f);
        W1CriticObjective none = new W1CriticObjective(new W1CriticConfig(W1CriticConfig.Penalty.GP, 0.0), f);
        f.parameters().zeroGrad();
        full.accumulate(b[0], b[1], b[2]);
        INDArray withPenalty = f.parameters().grads().dup();
        f.parameters().zeroGrad();
        none.accumulate(b[0], b[1], b[2]);
        INDArray penaltyGrad = withPenalty.sub(f.parameters().grads());
        INDArray values = f.parameters().values();
        double worst = 0;
        for (long k = 0; k < values.length(); k++) {
            double fd = Contracts.centralDifference(values, k, () -> full.accumulate(b[0], b[1], b[2]).penalty());
            worst = Math.max(worst, Math.abs(fd - penaltyGrad.getDouble(k)));
        }
        assertTrue(worst < 1e-6, "penalty gradient error " + worst);
        assertTrue(penaltyGrad.norm2Number().doubleValue() > 1e-2, "non-vacuous");
    }

    @Test
    void inputGradientIsTheVelocityAndMatchesFiniteDifferences() {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(9);
        Mlp f = new Mlp(MlpSpec.scalar(2, new int[] {16, 16}, 0.7), rng, DataType.DOUBLE);
        INDArray y = Nd4j.randn(rng, M, 2).castTo(DataType.DOUBLE);
        Tape t = f.newTape(M);
        f.forward(t, y);
        INDArray g = f.inputGradient(t).dup();
        double h = 1e-6;
        for (int i = 0; i < M; i++) {
            for (int k = 0; k < 2; k++) {
                INDArray up = y.dup();
                INDArray down = y.dup();
                up.putScalar(i, k, y.getDouble(i, k) + h);
                down.putScalar(i, k, y.getDouble(i, k) - h);
                double fd = (f.forward(f.newTape(M), up).getDouble(i, 0) - f.forward(f.newTape(M), down).getDouble(i, 0)) / (2 * h);
                assertEquals(fd, g.getDouble(i, k), 1e-6, "sample " + i + ", coordinate " + k);
            }
        }
    }
}
