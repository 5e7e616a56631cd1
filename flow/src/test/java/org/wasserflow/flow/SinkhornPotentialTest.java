package org.wasserflow.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.ExactOtPotential;
import org.wasserflow.ot.OtModule;
import org.wasserflow.ot.SinkhornPotential;
import org.wasserflow.w2.W2Loss;

class SinkhornPotentialTest {

    private static Settings settings(Map<String, String> values) {
        return Settings.of(values, OtModule.SINKHORN.settings());
    }

    private final Random rng = Nd4j.getRandomFactory().getNewRandomInstance(8);

    @Test
    void smallEpsilonVelocityApproachesTheExactOtVelocity() {
        INDArray y = Nd4j.randn(rng, 150, 2).castTo(DataType.DOUBLE).muli(0.3);
        INDArray x = Nd4j.randn(rng, 150, 2).castTo(DataType.DOUBLE).muli(0.3).addi(2);
        INDArray exact = new ExactOtPotential(new W2Loss()).velocity(y, x);
        double previous = Double.POSITIVE_INFINITY;
        for (String eps : new String[] {"0.3", "0.03", "0.003"}) {
            INDArray v = new SinkhornPotential(new W2Loss(), settings(Map.of("sinkhorn.epsilon", eps, "sinkhorn.tolerance", "1e-6",
                    "sinkhorn.max_iterations", "20000"))).velocity(y, x);
            double error = v.sub(exact).norm2Number().doubleValue() / exact.norm2Number().doubleValue();
            assertTrue(error < previous, "eps " + eps + ": relative error " + error + " after " + previous);
            previous = error;
        }
        assertTrue(previous < 0.05, "at eps 3e-3 the soft c-transform is within 5% of the exact velocity: " + previous);
    }

    @Test
    void debiasedVelocityVanishesWhenTheLawsCoincide() {
        INDArray y = Nd4j.randn(rng, 100, 2).castTo(DataType.DOUBLE);
        Map<String, String> base = Map.of("sinkhorn.epsilon", "0.5");
        INDArray biased = new SinkhornPotential(new W2Loss(), settings(base)).velocity(y, y.dup());
        INDArray debiased = new SinkhornPotential(new W2Loss(), settings(Map.of("sinkhorn.epsilon", "0.5", "sinkhorn.debias", "true")))
                .velocity(y, y.dup());
        assertTrue(biased.norm2Number().doubleValue() / Math.sqrt(100) > 0.05, "entropic blur pulls points inwards");
        assertEquals(0.0, debiased.amaxNumber().doubleValue(), 1e-9);
    }

    /**
     * Two clusters of 60 and 40 generated points and 40 and 60 data points, 10 apart: with exact marginals 20 points
     * of the first cluster are sent across; with {@code sinkhorn.rho} far below the clusters' cost none is, and with
     * {@code sinkhorn.velocity=partner} every target is a data point of the point's own cluster.
     */
    @Test
    void anUnbalancedPlanKeepsASurplusInItsClusterAndPartnersAreDataPoints() {
        INDArray y = Nd4j.randn(rng, 100, 2).castTo(DataType.DOUBLE).muli(0.2);
        INDArray x = Nd4j.randn(rng, 100, 2).castTo(DataType.DOUBLE).muli(0.2);
        for (int i = 60; i < 100; i++) {
            y.putScalar(i, 0, y.getDouble(i, 0) + 10);
        }
        for (int j = 40; j < 100; j++) {
            x.putScalar(j, 0, x.getDouble(j, 0) + 10);
        }
        Map<String, String> common = Map.of("sinkhorn.epsilon", "0.01", "sinkhorn.tolerance", "1e-6", "sinkhorn.max_iterations", "20000");
        assertEquals(20, crossing(y, new SinkhornPotential(new W2Loss(), settings(common)).velocity(y, x)));
        Map<String, String> unbalanced = new java.util.HashMap<>(common);
        unbalanced.put("sinkhorn.rho", "1");
        assertEquals(0, crossing(y, new SinkhornPotential(new W2Loss(), settings(unbalanced)).velocity(y, x)));
        unbalanced.put("sinkhorn.velocity", "partner");
        INDArray targets = y.add(new SinkhornPotential(new W2Loss(), settings(unbalanced)).velocity(y, x));
        for (int i = 0; i < 100; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 100; j++) {
                best = Math.min(best, targets.getRow(i).distance2(x.getRow(j)));
            }
            assertEquals(0.0, best, 1e-6, "the target of point " + i + " is a data point");
            assertEquals(i < 60, targets.getDouble(i, 0) < 5, "point " + i + " stays in its cluster");
        }
    }

    /** The points of the first cluster (x < 5) whose target {@code y + v} lies in the second. */
    private static int crossing(INDArray y, INDArray v) {
        int count = 0;
        for (int i = 0; i < 60; i++) {
            count += y.getDouble(i, 0) + v.getDouble(i, 0) > 5 ? 1 : 0;
        }
        return count;
    }
}
