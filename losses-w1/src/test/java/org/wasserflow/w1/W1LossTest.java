package org.wasserflow.w1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wasserflow.api.GroundCost;

class W1LossTest {

    private final GroundCost cost = new W1Loss().cost();

    @Test
    void costIsTheDistanceAndPullIsMinusItsGradient() {
        double[] y = {1, 2, -1};
        double[] x = {4, 6, -1};
        assertEquals(5, cost.cost(y, x), 1e-12);
        double[] pull = new double[3];
        cost.pull(y, x, pull);
        assertArrayEquals(new double[] {0.6, 0.8, 0}, pull, 1e-12);
    }

    @Test
    void pullIsZeroWhereThePointsCoincide() {
        double[] pull = {7, 7};
        cost.pull(new double[] {1, 2}, new double[] {1, 2}, pull);
        assertArrayEquals(new double[] {0, 0}, pull, 0.0);
    }
}
