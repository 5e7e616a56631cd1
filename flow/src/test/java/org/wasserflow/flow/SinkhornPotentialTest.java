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
}
