package org.wasserflow.runners.w2bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The linear baseline on a Gaussian pair, where it is the optimal map: it recovers {@code A} and scores about 0. */
class LinearMapTest {

    @Test
    void recoversTheOptimalMapBetweenGaussians() {
        GaussianPair pair = new GaussianPair(4, 3);
        INDArray xTrain = pair.p(40_000);
        INDArray yTrain = pair.map(pair.p(40_000));
        LinearMap fitted = LinearMap.fit(xTrain, yTrain);
        double[][] a = fitted.matrix();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(pair.a[i][j], a[i][j], 0.05, "A[" + i + "][" + j + "]");
            }
        }
        INDArray x = pair.p(2000);
        MapScore s = MapScore.of(x, pair.map(x), fitted.apply(x), pair.varQ());
        assertTrue(s.l2uvp() < 0.5, "linear map between Gaussians: L2-UVP " + s.l2uvp());
        assertTrue(s.cosine() > 0.995, "cosine " + s.cosine());
        MapScore identity = MapScore.of(x, pair.map(x), x, pair.varQ());
        assertTrue(identity.l2uvp() > 20, "the pair is not trivial: identity scores " + identity.l2uvp());
    }

    @Test
    void aSingularCovarianceIsRefused() {
        INDArray x = new GaussianPair(3, 4).p(100);
        x.getColumn(2).assign(x.getColumn(1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LinearMap.fit(x, x));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }
}
