package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The exponential parameter average: its weights, its inference and its state. */
class WeightAverageTest {

    private static final MlpSpec SPEC = new MlpSpec(2, new int[] {8, 8}, 2, MlpSpec.Norm.BATCH, true, 0.3, MlpSpec.Output.LINEAR, 0, 1);

    private static Mlp net(long seed) {
        return new Mlp(SPEC, Nd4j.getRandomFactory().getNewRandomInstance(seed));
    }

    /** With decay 0.8 the weights are 1, 1/2, 1/3, 1/4, 1/5 (the plain mean), then 0.2 each: checked in double. */
    @Test
    void theAverageIsThePlainMeanOfTheFirstStepsThenExponential() {
        Mlp live = net(1);
        WeightAverage average = new WeightAverage(SPEC, 0.8);
        double expected = 0;
        for (int k = 1; k <= 9; k++) {
            double value = k * k * 0.01;
            live.parameters().values().assign(value);
            average.update(live);
            double w = Math.max(0.2, 1.0 / k);
            expected = (1 - w) * expected + w * value;
            INDArray p = average.parameters();
            assertEquals(expected, p.minNumber().doubleValue(), 1e-6, "step " + k);
            assertEquals(expected, p.maxNumber().doubleValue(), 1e-6, "step " + k);
        }
        assertEquals(9, average.updates());
    }

    /** The running statistics are averaged with the parameters' weights: with decay 0.5, the mean of two batches' statistics. */
    @Test
    void theRunningStatisticsAreAveragedWithTheSameWeights() {
        Mlp live = net(6);
        WeightAverage average = new WeightAverage(SPEC, 0.5);
        INDArray first = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(7), 64, 2).castTo(DataType.FLOAT);
        INDArray second = first.mul(3).addi(1);
        RunningStatistics stats = live.runningStatistics().orElseThrow();
        stats.update(trainingTape(live, first), 1);
        double[] m1 = stats.mean(0);
        average.update(live);
        stats.update(trainingTape(live, second), 1);
        double[] m2 = stats.mean(0);
        average.update(live);
        double[] averaged = average.state("a").get("a.running_mean").toDoubleVector();
        for (int j = 0; j < m1.length; j++) {
            assertEquals(0.5 * (m1[j] + m2[j]), averaged[j], 1e-9, "unit " + j);
        }
    }

    @Test
    void aNetworkThatStaysPutIsItsOwnAverage() {
        Mlp live = net(2);
        INDArray x = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(3), 64, 2).castTo(DataType.FLOAT);
        live.runningStatistics().orElseThrow().update(trainingTape(live, x), 0.5);
        WeightAverage average = new WeightAverage(SPEC, 0.9);
        for (int k = 0; k < 20; k++) {
            average.update(live);
        }
        INDArray expected = live.infer(x);
        INDArray got = average.infer(x);
        assertEquals(0, expected.sub(got).amaxNumber().doubleValue(), 1e-5, "the average of one network infers as that network");
    }

    @Test
    void itsStateRestoresItExactly() {
        Mlp live = net(4);
        INDArray x = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(5), 64, 2).castTo(DataType.FLOAT);
        WeightAverage a = new WeightAverage(SPEC, 0.9);
        for (int k = 0; k < 3; k++) {
            live.parameters().values().addi(0.1 * k);
            live.runningStatistics().orElseThrow().update(trainingTape(live, x), 0.5);
            a.update(live);
        }
        WeightAverage b = new WeightAverage(SPEC, 0.9);
        b.restore("average", a.state("average"));
        assertArrayEquals(a.infer(x).data().asFloat(), b.infer(x).data().asFloat());
        assertEquals(a.updates(), b.updates());
        live.parameters().values().addi(1);
        a.update(live);
        b.update(live);
        assertArrayEquals(a.infer(x).data().asFloat(), b.infer(x).data().asFloat(), "and continues as the saved one would");
    }

    @Test
    void aDecayOutsideTheOpenUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(SPEC, 1));
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(SPEC, 0));
    }

    private static Tape trainingTape(Mlp live, INDArray x) {
        Tape t = live.newTape(x.rows());
        live.forward(t, x);
        return t;
    }
}
