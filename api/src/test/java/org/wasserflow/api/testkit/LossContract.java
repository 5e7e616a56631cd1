package org.wasserflow.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.GroundCost;
import org.wasserflow.api.Loss;

/**
 * The contract of a {@link Loss} plugin, for its tests to extend: a well-formed logical name, a non-negative
 * cost that vanishes on the diagonal, and a pull equal to minus the cost's gradient in y (central finite
 * differences away from the diagonal).
 */
public abstract class LossContract {

    /** The loss under test. */
    protected abstract Loss loss();

    /** The dimension of the points the checks draw, default 3. */
    protected int dimension() {
        return 3;
    }

    @Test
    void nameIsAWellFormedLogicalName() {
        assertTrue(Contracts.isLogicalName(loss().name()), "lower-case letters, digits and '-': " + loss().name());
    }

    @Test
    void costIsNonNegativeAndZeroOnTheDiagonal() {
        GroundCost c = loss().cost();
        Random rnd = new Random(1);
        for (int t = 0; t < 20; t++) {
            double[] y = Contracts.gaussian(rnd, dimension());
            double[] x = Contracts.gaussian(rnd, dimension());
            assertTrue(c.cost(y, x) >= 0, "cost >= 0");
            assertEquals(0.0, c.cost(y, y.clone()), 1e-12, "cost(y, y) = 0");
        }
    }

    @Test
    void pullIsMinusTheGradientOfTheCost() {
        GroundCost c = loss().cost();
        Random rnd = new Random(2);
        double h = 1e-6;
        for (int t = 0; t < 20; t++) {
            double[] y = Contracts.gaussian(rnd, dimension());
            double[] x = Contracts.gaussian(rnd, dimension());
            double[] pull = new double[y.length];
            c.pull(y, x, pull);
            for (int k = 0; k < y.length; k++) {
                double[] up = y.clone();
                double[] down = y.clone();
                up[k] += h;
                down[k] -= h;
                double fd = -(c.cost(up, x) - c.cost(down, x)) / (2 * h);
                assertEquals(fd, pull[k], 1e-5 * Math.max(1, Math.abs(fd)), "pull coordinate " + k);
            }
        }
    }
}
