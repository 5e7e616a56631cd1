package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The Java row operations ({@link FloatRows}, {@link Kernels#addRow}) and {@link Parameters#zeroGrad} give the
 * ND4J ops they replace bit for bit, on row blocks of larger arrays as the dual's tapes hold them, and fall
 * back to those ops for arrays whose elements are not contiguous.
 */
class FloatRowsTest {

    private final Random rng = Nd4j.getRandomFactory().getNewRandomInstance(11);

    /** Values over many binades, so that every rounding of the float operations shows. */
    private INDArray values(long rows, long cols) {
        return Nd4j.randn(rng, rows, cols).castTo(DataType.FLOAT).muli(Nd4j.randn(rng, rows, cols).castTo(DataType.FLOAT).muli(8)
                .muli(Nd4j.randn(rng, rows, cols).castTo(DataType.FLOAT)));
    }

    private static INDArray rows(INDArray a, int from, int to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    @Test
    void interpolateAndSubtractOnRowBlocksEqualNd4jsOps() {
        INDArray p = values(300, 2);
        INDArray q = values(300, 2);
        INDArray w = Nd4j.rand(rng, 300, 1).castTo(DataType.FLOAT);
        INDArray tape = Nd4j.create(DataType.FLOAT, 900, 2);
        INDArray block = rows(tape, 300, 600);
        assertTrue(Kernels.dense(p, q, w, block));
        FloatRows.interpolate(p, q, w, block);
        INDArray expected = p.dup().subi(q).muliColumnVector(w).addi(q);
        assertArrayEquals(expected.data().asFloat(), block.dup('c').data().asFloat());

        INDArray into = Nd4j.create(DataType.FLOAT, 300, 2);
        INDArray g = rows(values(600, 2), 0, 300);
        FloatRows.subtract(p, g, into);
        assertArrayEquals(p.sub(g).data().asFloat(), into.data().asFloat());

        FloatRows.copy(q, rows(tape, 600, 900));
        assertArrayEquals(q.dup('c').data().asFloat(), rows(tape, 600, 900).dup('c').data().asFloat());
    }

    @Test
    void arraysWithGapsGoThroughNd4j() {
        INDArray wide = values(50, 4);
        INDArray column = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        assertFalse(Kernels.dense(column));
        INDArray q = values(50, 2);
        INDArray w = Nd4j.rand(rng, 50, 1).castTo(DataType.FLOAT);
        INDArray into = Nd4j.create(DataType.FLOAT, 50, 2);
        FloatRows.interpolate(column, q, w, into);
        assertArrayEquals(column.dup().subi(q).muliColumnVector(w).addi(q).data().asFloat(), into.data().asFloat());
    }

    @Test
    void addRowEqualsAddiRowVectorOnAColumnBlock() {
        INDArray out = values(400, 1);
        INDArray block = rows(out, 100, 300);
        INDArray bias = values(1, 1);
        INDArray expected = block.dup().addiRowVector(bias);
        assertTrue(Kernels.dense(block, bias));
        Kernels.addRow(block, bias, new float[200]);
        assertArrayEquals(expected.data().asFloat(), block.dup('c').data().asFloat());

        INDArray two = values(64, 2);
        INDArray bias2 = values(1, 2);
        INDArray expected2 = two.dup().addiRowVector(bias2);
        Kernels.addRow(two, bias2, new float[128]);
        assertArrayEquals(expected2.data().asFloat(), two.data().asFloat());
    }

    @Test
    void zeroGradClearsEveryGradient() {
        Parameters params = new Parameters(java.util.List.of(new long[] {3, 4}, new long[] {1, 4}), DataType.FLOAT);
        params.grads().assign(values(1, 16).reshape(16));
        params.zeroGrad();
        assertArrayEquals(new float[16], params.grads().dup().data().asFloat());
    }
}
