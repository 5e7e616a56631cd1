package org.wasserflow.w2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wasserflow.api.GroundCost;

class W2LossTest {

    private final GroundCost cost = new W2Loss().cost();

    @Test
    void costIsHalfSquaredDistanceAndPullIsMinusItsGradient() {
        double[] y = {1, 2, -1};
        double[] x = {0.5, -1, 3};
        assertEquals((0.25 + 9 + 16) / 2, cost.cost(y, x), 1e-12);
        double[] pull = new double[3];
        cost.pull(y, x, pull);
        assertArrayEquals(new double[] {-0.5, -3, 4}, pull, 1e-12);
    }
}
