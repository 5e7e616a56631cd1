package org.wasserflow.runners.w2bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** L2-UVP and the cosine of the displacements on maps whose scores are known in closed form. */
class MapScoreTest {

    private final GaussianPair pair = new GaussianPair(3, 9);
    private final INDArray x = pair.p(500);
    private final INDArray optimal = pair.map(x);
    private final INDArray displacement = optimal.sub(x);
    private final double varQ = 2.5;

    @Test
    void theOptimalMapScoresZeroAndCosineOne() {
        MapScore s = MapScore.of(x, optimal, optimal, varQ);
        assertEquals(0, s.l2uvp(), 1e-9);
        assertEquals(1, s.cosine(), 1e-6);
    }

    @Test
    void theIdentityScoresTheMeanSquaredDisplacementAndCosineZero() {
        double expected = 100 * displacement.mul(displacement).sumNumber().doubleValue() / x.rows() / varQ;
        MapScore s = MapScore.of(x, optimal, x, varQ);
        assertEquals(expected, s.l2uvp(), 1e-4 * expected);
        assertEquals(0, s.cosine(), 0);
    }

    @Test
    void cosineIgnoresTheLengthAndSeesTheDirection() {
        MapScore twice = MapScore.of(x, optimal, x.add(displacement.mul(2)), varQ);
        MapScore identity = MapScore.of(x, optimal, x, varQ);
        assertEquals(1, twice.cosine(), 1e-6);
        assertEquals(identity.l2uvp(), twice.l2uvp(), 1e-4 * identity.l2uvp());
        MapScore reversed = MapScore.of(x, optimal, x.sub(displacement), varQ);
        assertEquals(-1, reversed.cosine(), 1e-6);
        assertEquals(4 * identity.l2uvp(), reversed.l2uvp(), 1e-3 * identity.l2uvp());
    }
}
