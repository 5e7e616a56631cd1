package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.ConfigException;

/** {@code lr_half_life}: Adam's learning rate {@code lr 0.5^(t / h)}, in float (Java loop) and double (ND4J's updater). */
class AdamHalfLifeTest {

    /**
     * Under a constant gradient Adam's bias-corrected step is the learning rate itself (the moments are exactly the
     * gradient and its square), so each step moves the parameter by {@code lr 0.5^(t / h)}; resuming from a saved
     * state continues the same schedule.
     */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void eachStepMovesByTheHalvedRate(DataType type) {
        double lr = 1e-2;
        int h = 10;
        OptimizerConfig config = new OptimizerConfig(OptimizerConfig.Kind.ADAM, lr, 0.9, 0.999, 1e-8, h);
        Parameters params = new Parameters(List.of(new long[] {1, 1}), type);
        Adam adam = new Adam(params, config);
        double previous = 0;
        for (int t = 0; t < 40; t++) {
            if (t == 20) {
                Map<String, org.nd4j.linalg.api.ndarray.INDArray> saved = adam.state();
                adam = new Adam(params, config);
                adam.restore(saved);
            }
            params.grads().assign(Nd4j.ones(type, 1, 1));
            adam.step();
            double now = params.values().getDouble(0);
            assertEquals(lr * Math.pow(0.5, t / (double) h), previous - now, 2e-4 * lr, "step " + t);
            previous = now;
        }
    }

    @Test
    void aHalfLifeNeedsAdam() {
        assertThrows(ConfigException.class, () -> new OptimizerConfig(OptimizerConfig.Kind.SGD, 0.1, 0, 0, 1e-8, 100));
        assertEquals(0.25, new OptimizerConfig(OptimizerConfig.Kind.ADAM, 1, 0.9, 0.999, 1e-8, 3).learningRateAt(6), 1e-15);
    }
}
