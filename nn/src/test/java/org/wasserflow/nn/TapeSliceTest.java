package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Row slices of a tape: blocks evaluated at different times, then one backward pass over all rows; and the work count. */
class TapeSliceTest {

    private final Random rng = Nd4j.getRandomFactory().getNewRandomInstance(5);

    @Test
    void blocksForwardedSeparatelyGiveTheSameGradientsAsOnePass() {
        Mlp net = new Mlp(MlpSpec.scalar(2, new int[] {16, 16}, 0.5), rng);
        INDArray x = Nd4j.randn(rng, 30, 2).castTo(net.parameters().values().dataType());
        INDArray d = Nd4j.randn(rng, 30, 1).castTo(x.dataType());
        INDArray u = Nd4j.randn(rng, 10, 2).castTo(x.dataType());

        Tape whole = net.newTape(30);
        INDArray out = net.forward(whole, x).dup();
        INDArray grad = net.inputGradient(whole).dup();
        net.backward(whole, d);
        Tape first = net.newTape(10);
        net.forward(first, x.get(NDArrayIndex.interval(0, 10), NDArrayIndex.all()));
        net.inputGradient(first);
        net.backwardInputGradient(first, u);
        INDArray expected = net.parameters().grads().dup();
        net.parameters().zeroGrad();

        Tape blocks = net.newTape(30);
        net.forward(blocks, x, 0, 10);
        net.inputGradient(blocks.rows(0, 10));
        net.forward(blocks, x, 10, 30);
        net.inputGradient(blocks.rows(20, 30));
        assertEquals(out, blocks.output(), "outputs of the blocks");
        assertEquals(grad.get(NDArrayIndex.interval(0, 10), NDArrayIndex.all()), blocks.inputGradient().get(NDArrayIndex.interval(0, 10),
                NDArrayIndex.all()));
        net.backward(blocks, d);
        net.backwardInputGradient(blocks.rows(0, 10), u);
        INDArray got = net.parameters().grads();
        for (long k = 0; k < got.length(); k++) {
            assertEquals(expected.getDouble(k), got.getDouble(k), 1e-5 * Math.max(1, Math.abs(expected.getDouble(k))), "parameter " + k);
        }
    }

    @Test
    void aSliceOutsideTheTapeOrOfABatchNormTapeIsRefused() {
        Mlp plain = new Mlp(MlpSpec.scalar(2, new int[] {4}, 0.5), rng);
        assertThrows(IllegalArgumentException.class, () -> plain.newTape(8).rows(4, 9));
        Mlp bn = new Mlp(new MlpSpec(2, new int[] {4}, 2, MlpSpec.Norm.BATCH, true, 0.1), rng);
        assertThrows(IllegalStateException.class, () -> bn.newTape(8).rows(0, 4));
    }

    /** A batch-norm tape keeps the row halves of its last input: a new input (or new values in it) must be followed. */
    @Test
    void aBatchNormTapeFollowsEachNewInput() {
        Mlp bn = new Mlp(new MlpSpec(2, new int[] {8, 8}, 2, MlpSpec.Norm.BATCH, true, 0.1), rng,
                org.nd4j.linalg.api.buffer.DataType.FLOAT);
        TwoLanes lanes = new TwoLanes("slice-test", true);
        INDArray x1 = Nd4j.randn(rng, 12, 2).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray x2 = Nd4j.randn(rng, 12, 2).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        Tape reused = bn.newTape(12);
        bn.forward(reused, x1, lanes);
        INDArray second = bn.forward(reused, x2, lanes).dup();
        assertEquals(bn.forward(bn.newTape(12), x2, lanes).dup(), second);
        x2.muli(3);
        INDArray changed = bn.forward(reused, x2, lanes).dup();
        assertEquals(bn.forward(bn.newTape(12), x2, lanes).dup(), changed);
        assertEquals(false, changed.equals(second));
    }

    @Test
    void flopsCountTwoMultiplyAddsPerProductEntry() {
        Mlp net = new Mlp(MlpSpec.scalar(3, new int[] {7, 5}, 0.5), rng);
        Tape t = net.newTape(11);
        net.forward(t, Nd4j.rand(rng, 11, 3).castTo(net.parameters().values().dataType()));
        assertEquals(2L * 11 * (3 * 7 + 7 * 5 + 5 * 1), net.flops());
    }
}
