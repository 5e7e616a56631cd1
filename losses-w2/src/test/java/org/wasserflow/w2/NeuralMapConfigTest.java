package org.wasserflow.w2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;

/**
 * The learning rates of neural-map: under {@code auto} (the default) 3e-4 and 1e-4 up to D = 32, 1e-4 and 3e-5
 * beyond; a number is used as given in every dimension; anything else is refused in one line; the
 * estimator reports the numbers it used.
 */
class NeuralMapConfigTest {

    private static NeuralMapConfig config(Map<String, String> values) {
        return NeuralMapConfig.from(Settings.of(values, W2Module.NEURAL_MAP.settings()));
    }

    @Test
    void autoUsesTheLowDimensionRatesUpToD32AndAThirdOfThemBeyond() {
        NeuralMapConfig c = config(Map.of());
        for (int d : new int[] {1, 2, 16, 32}) {
            assertEquals(3e-4, c.optimizer(d).learningRate(), 0, "map.lr in D = " + d);
            assertEquals(1e-4, c.potentialOptimizer(d).learningRate(), 0, "map.potential.lr in D = " + d);
        }
        for (int d : new int[] {33, 64, 128}) {
            assertEquals(1e-4, c.optimizer(d).learningRate(), 0, "map.lr in D = " + d);
            assertEquals(3e-5, c.potentialOptimizer(d).learningRate(), 0, "map.potential.lr in D = " + d);
        }
        assertThrows(IllegalArgumentException.class, () -> c.optimizer(0));
    }

    @Test
    void aNumberIsUsedAsGivenInEveryDimensionAndEachKeyIsIndependent() {
        NeuralMapConfig c = config(Map.of("map.lr", "1e-3"));
        assertEquals(1e-3, c.optimizer(2).learningRate(), 0);
        assertEquals(1e-3, c.optimizer(128).learningRate(), 0);
        assertEquals(3e-5, c.potentialOptimizer(128).learningRate(), 0, "map.potential.lr stays auto");
        NeuralMapConfig explicitAuto = config(Map.of("map.lr", " auto ", "map.potential.lr", "auto"));
        assertEquals(config(Map.of()), explicitAuto);
    }

    @Test
    void theResolvedConfigurationWritesAutoAndReadsItBack() {
        assertEquals("auto", NeuralMapConfig.LR.formatDefault());
        assertEquals("auto", NeuralMapConfig.POTENTIAL_LR.resolve("auto"));
        assertEquals("2.0E-4", NeuralMapConfig.LR.resolve("2e-4"));
    }

    @Test
    void aBadValueIsRefusedInOneLineNamingTheKeyTheValueAndTheChoices() {
        for (String bad : new String[] {"fast", "0", "-1e-4", "NaN", "Infinity"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of("map.potential.lr", bad)), bad);
            assertEquals("invalid value '" + bad + "' for key 'map.potential.lr': expected auto or a number > 0", e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void theEstimatorReportsTheRatesItUsedInItsDimension() {
        W2NeuralMap estimator = new W2NeuralMap(Settings.of(Map.of(), W2Module.NEURAL_MAP.settings()), new Seed(1));
        assertEquals(Map.of(), estimator.provenance(), "nothing is derived before the networks are built");
        estimator.velocity(Nd4j.zeros(DataType.FLOAT, 3, 128), Nd4j.zeros(DataType.FLOAT, 3, 128));
        assertEquals(Map.of("map.lr", "1.0E-4", "map.potential.lr", "3.0E-5"), estimator.provenance());
    }
}
