package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch norm's running statistics and the inference pass: the running mean and variance are a fixed batch's
 * unbiased statistics from the first update on, and the cumulative, then exponential, average of changing ones, the inference pass is the network with those statistics
 * written out by hand, and each of its output rows depends on its input row alone.
 */
class RunningStatisticsTest {

    private static final double EPS = 1e-5;

    private static Mlp net(DataType dtype, long seed, int... hidden) {
        MlpSpec spec = new MlpSpec(2, hidden, 2, MlpSpec.Norm.BATCH, true, 0.5, MlpSpec.Output.LINEAR, 0);
        Mlp net = new Mlp(spec, Nd4j.getRandomFactory().getNewRandomInstance(seed), dtype);
        INDArray values = net.parameters().values();
        values.addi(Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(seed + 1), values.length()).castTo(dtype).subi(0.5).muli(0.2));
        return net;
    }

    private static INDArray points(DataType dtype, long seed, int rows) {
        return Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(seed), rows, 2).castTo(dtype).muli(0.7).addi(0.3);
    }

    @Test
    void theRunningStatisticsAreAFixedBatchsUnbiasedStatisticsFromTheFirstUpdate() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Mlp net = net(dtype, 3, 16, 8);
            INDArray x = points(dtype, 4, 64);
            double[][] a = product(x, net.weight(0).value());
            double momentum = 0.2;
            Tape tape = net.newTape(64);
            RunningStatistics running = net.runningStatistics().orElseThrow();
            double tol = dtype == DataType.FLOAT ? 1e-5 : 1e-12;
            for (int n = 1; n <= 40; n++) {
                net.forward(tape, x);
                running.update(tape, momentum);
                for (int j = 0; j < 16; j++) {
                    double mean = 0;
                    for (double[] row : a) {
                        mean += row[j] / a.length;
                    }
                    double ss = 0;
                    for (double[] row : a) {
                        ss += (row[j] - mean) * (row[j] - mean);
                    }
                    double unbiased = ss / (a.length - 1);
                    assertEquals(mean, running.mean(0)[j], tol * (1 + Math.abs(mean)), dtype + " mean, unit " + j + " after " + n);
                    assertEquals(unbiased, running.variance(0)[j], tol * (1 + unbiased),
                            dtype + " unbiased variance, unit " + j + " after " + n);
                }
            }
        }
    }

    @Test
    void changingBatchesAreAveragedCumulativelyThenExponentially() {
        Mlp net = net(DataType.DOUBLE, 3, 4);
        Tape tape = net.newTape(32);
        RunningStatistics running = net.runningStatistics().orElseThrow();
        double momentum = 0.25;
        double expected = 0;
        for (int k = 1; k <= 12; k++) {
            INDArray x = points(DataType.DOUBLE, 10 + k, 32);
            double batch = mean(product(x, net.weight(0).value()), 0);
            net.forward(tape, x);
            running.update(tape, momentum);
            double w = k <= 4 ? 1.0 / k : momentum;
            expected = (1 - w) * expected + w * batch;
            assertEquals(expected, running.mean(0)[0], 1e-12, "the mean after update " + k + " (weight " + w + ")");
        }
    }

    private static double mean(double[][] a, int j) {
        double m = 0;
        for (double[] row : a) {
            m += row[j] / a.length;
        }
        return m;
    }

    @Test
    void aBatchOfOneRowLeavesThemAsTheyAre() {
        Mlp net = net(DataType.FLOAT, 5, 8);
        Tape tape = net.newTape(1);
        net.forward(tape, points(DataType.FLOAT, 6, 1));
        RunningStatistics running = net.runningStatistics().orElseThrow();
        running.update(tape, 0.5);
        assertArrayEquals(new double[8], running.mean(0));
        assertArrayEquals(java.util.stream.DoubleStream.generate(() -> 1).limit(8).toArray(), running.variance(0));
    }

    @Test
    void inferenceNormalisesWithTheRunningStatistics() {
        Mlp net = net(DataType.DOUBLE, 7, 6);
        Tape tape = net.newTape(32);
        RunningStatistics running = net.runningStatistics().orElseThrow();
        for (int s = 0; s < 3; s++) {
            net.forward(tape, points(DataType.DOUBLE, 10 + s, 32));
            running.update(tape, 0.3);
        }
        INDArray x = points(DataType.DOUBLE, 20, 5);
        double[][] a = product(x, net.weight(0).value());
        double[] gamma = net.gamma(0).value().toDoubleVector();
        double[] beta = net.beta(0).value().toDoubleVector();
        double[][] w1 = net.weight(1).value().toDoubleMatrix();
        double[] b1 = net.bias(1).value().toDoubleVector();
        double[][] expected = new double[5][2];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 2; k++) {
                expected[i][k] = x.getDouble(i, k) + b1[k];
                for (int j = 0; j < 6; j++) {
                    double z = gamma[j] * (a[i][j] - running.mean(0)[j]) / Math.sqrt(running.variance(0)[j] + EPS) + beta[j];
                    expected[i][k] += Math.max(0, z) * w1[j][k];
                }
            }
        }
        INDArray got = net.infer(x);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(expected[i], got.getRow(i).toDoubleVector(), 1e-12, "row " + i);
        }
    }

    @Test
    void eachInferredRowDependsOnItsInputRowAloneAcrossBlocks() {
        Mlp net = net(DataType.FLOAT, 8, 32, 32);
        Tape tape = net.newTape(256);
        for (int s = 0; s < 5; s++) {
            net.forward(tape, points(DataType.FLOAT, 30 + s, 256));
            net.runningStatistics().orElseThrow().update(tape, 0.1);
        }
        int m = Inference.BLOCK_ROWS + 904;
        INDArray many = points(DataType.FLOAT, 40, m);
        INDArray all = net.infer(many);
        for (int from : new int[] {0, 17, Inference.BLOCK_ROWS - 5, m - 10}) {
            INDArray few = many.get(NDArrayIndex.interval(from, from + 10), NDArrayIndex.all()).dup();
            INDArray alone = net.infer(few);
            double diff = Transforms.abs(alone.sub(all.get(NDArrayIndex.interval(from, from + 10), NDArrayIndex.all()))).maxNumber().doubleValue();
            assertTrue(diff < 1e-5, "rows " + from + "..: alone and inside " + m + " rows differ by " + diff);
        }
        double one = Transforms.abs(net.infer(many.getRow(3, true).dup()).sub(all.getRow(3, true))).maxNumber().doubleValue();
        assertTrue(one < 1e-5, "a single row: " + one);
    }

    /** {@code x w} in double, {@code [m, width]}. */
    private static double[][] product(INDArray x, INDArray w) {
        double[][] xs = x.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] ws = w.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] out = new double[xs.length][ws[0].length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ws[0].length; j++) {
                for (int k = 0; k < ws.length; k++) {
                    out[i][j] += xs[i][k] * ws[k][j];
                }
            }
        }
        return out;
    }
}
