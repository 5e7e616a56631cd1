package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link Gemm} gives exactly what {@link Nd4j#gemm} gives, for every product shape the networks use (thin
 * input and output layers, bias sums through a ones column, outer products), transposed or not, accumulating
 * or not, on whole arrays and on row blocks of a larger array (the tape's slices).
 */
class GemmTest {

    @Test
    void theCpuBackendUsesTheDirectCall() {
        assertTrue(Gemm.direct(), "the CPU backend with its OpenBLAS should take the direct path");
    }

    @Test
    void everyShapeOfTheNetworksEqualsNd4jBitForBit() {
        int m = 300;
        int[][] shapes = {{m, 128, 128}, {m, 2, 128}, {m, 128, 1}, {m, 1, 128}, {m, 128, 2}, {128, m, 128}, {2, m, 128},
            {1, m, 128}, {128, m, 1}, {7, 5, 3}, {1, 1536, 128}, {2, 1536, 128}, {128, 1536, 1}, {128, 512, 2}, {2, 700, 100}, {100, 700, 1}};
        for (int[] s : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    INDArray a = random(ta ? s[1] : s[0], ta ? s[0] : s[1], 1);
                    INDArray b = random(tb ? s[2] : s[1], tb ? s[1] : s[2], 2);
                    same(a, b, random(s[0], s[2], 3), ta, tb, 1.0, 0.0);
                    same(a, b, random(s[0], s[2], 4), ta, tb, 0.25, 1.0);
                }
            }
        }
    }

    @Test
    void rowBlocksOfALargerArrayEqualNd4jBitForBit() {
        INDArray big = random(900, 128, 5);
        INDArray out = random(900, 128, 6);
        INDArray w = random(128, 128, 7);
        for (int from : new int[] {0, 300, 600}) {
            INDArray a = big.get(NDArrayIndex.interval(from, from + 300), NDArrayIndex.all());
            INDArray c = out.get(NDArrayIndex.interval(from, from + 300), NDArrayIndex.all());
            same(a, w, c, false, false, 1.0, 0.0);
            same(a, w, c, false, true, 1.0, 1.0);
            same(a, big.get(NDArrayIndex.interval(600 - from, 900 - from), NDArrayIndex.all()), random(128, 128, 8), true, false, 1.0, 1.0);
        }
    }

    /**
     * Row blocks of a column vector (the tape's output and ones columns, which ND4J reports as 'f'-ordered) are
     * contiguous and take the direct path: outer products, the 1-wide output layer, its weight gradient and bias
     * sums (on row blocks of a hidden layer, as the thin products read them in place), with the scalars the
     * networks pass.
     */
    @Test
    void rowBlocksOfColumnVectorsEqualNd4jBitForBit() {
        INDArray column = random(1536, 1, 15);
        INDArray out = random(1536, 1, 16);
        INDArray hidden = random(1536, 128, 17);
        for (int[] r : new int[][] {{0, 512}, {512, 1024}, {0, 1024}, {256, 512}, {0, 1536}}) {
            INDArray v = Tape.rowView(column, r[0], r[1]);
            int n = r[1] - r[0];
            INDArray h = Tape.rowView(hidden, r[0], r[1]);
            same(v, random(1, 128, 18), random(n, 128, 19), false, false, 1.0, 0.0);
            same(v, random(128, 1, 20), random(n, 128, 21), false, true, 0.5, 1.0);
            same(h, random(128, 1, 22), Tape.rowView(out, r[0], r[1]), false, false, 1.0, 0.0);
            same(h, v, random(128, 1, 23), true, false, 1.0, 1.0);
            same(v, h, random(1, 128, 24), true, false, 1.0, 1.0);
            same(v, h, random(1, 128, 25), true, false, 1.0 / n, 0.0);
        }
    }

    @Test
    void otherTypesAndLayoutsFallBackToNd4j() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 20, 10);
        INDArray b = Nd4j.rand(DataType.DOUBLE, 10, 4);
        same(a, b, Nd4j.create(DataType.DOUBLE, 20, 4), false, false, 1.0, 0.0);
        INDArray f = random(10, 20, 9).dup('f');
        same(f, random(20, 6, 10), random(10, 6, 11), false, false, 1.0, 0.0);
        INDArray column = random(20, 30, 12).get(NDArrayIndex.all(), NDArrayIndex.interval(3, 13));
        same(column, random(10, 6, 13), random(20, 6, 14), false, false, 1.0, 0.0);
    }

    private static void same(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double alpha, double beta) {
        INDArray expected = c.dup();
        Nd4j.gemm(a, b, expected, ta, tb, alpha, beta);
        Gemm.gemm(a, b, c, ta, tb, alpha, beta);
        String what = a.shapeInfoToString().replace('\n', ' ') + (ta ? "^T" : "") + " x " + (tb ? "B^T" : "B") + " beta " + beta;
        assertArrayEquals(expected.dup().data().asDouble(), c.dup().data().asDouble(), 0.0, what);
    }

    private static INDArray random(int rows, int cols, long seed) {
        return Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(seed), new long[] {rows, cols}).castTo(DataType.FLOAT);
    }
}
