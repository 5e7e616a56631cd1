package org.wasserflow.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.wasserflow.api.Capability;
import org.wasserflow.api.GroundCost;
import org.wasserflow.api.Loss;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;

/**
 * The contract of a {@link Loss} plugin, for its tests to extend: a descriptor that describes it; where it
 * declares a ground cost, a non-negative cost that vanishes on the diagonal, and a pull equal to minus the
 * cost's gradient in y (central finite differences away from the diagonal); where it does not, a
 * {@link Loss#cost()} that says so.
 */
public abstract class LossContract {

    /** The loss under test. */
    protected abstract Loss loss();

    /** The descriptor the loss is registered with. */
    protected abstract Plugin plugin();

    /** The dimension of the points the checks draw, default 3. */
    protected int dimension() {
        return 3;
    }

    @Test
    void descriptorDescribesTheLoss() {
        Contracts.checkDescriptor(plugin(), PluginKind.LOSS, loss());
    }

    @Test
    void aLossWithoutAGroundCostSaysSo() {
        Assumptions.assumeFalse(plugin().provides().contains(Capability.GROUND_COST), "the loss provides a ground cost");
        assertThrows(UnsupportedOperationException.class, () -> loss().cost());
    }

    @Test
    void costIsNonNegativeAndZeroOnTheDiagonal() {
        Assumptions.assumeTrue(plugin().provides().contains(Capability.GROUND_COST), "the loss provides no ground cost");
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
        Assumptions.assumeTrue(plugin().provides().contains(Capability.GROUND_COST), "the loss provides no ground cost");
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
