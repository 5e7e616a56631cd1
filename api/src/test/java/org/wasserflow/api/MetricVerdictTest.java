package org.wasserflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default verdict phrase of a metric with a value and a floor column, on synthetic values. */
class MetricVerdictTest {

    private static Metric named(String name) {
        return new Metric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, Double> evaluate(Evaluation evaluation) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aValueWithAFloorIsSaidAsItsRatioWithWordsAtTheThresholds() {
        Metric w2 = named("w2");
        assertEquals("w2 4.1x its floor (well above)", w2.verdict(Map.of("w2", 0.15, "w2_floor", 0.0365, "energy", 1.0)).get());
        assertEquals("w2 2.0x its floor", w2.verdict(Map.of("w2", 0.2, "w2_floor", 0.1)).get());
        assertEquals("w2 1.3x its floor (at the floor)", w2.verdict(Map.of("w2", 1.25, "w2_floor", 1.0)).get(), "1.25 is at the floor");
        assertEquals("w2 1.3x its floor", w2.verdict(Map.of("w2", 1.26, "w2_floor", 1.0)).get());
        assertEquals("w2 3.0x its floor (well above)", w2.verdict(Map.of("w2", 3.0, "w2_floor", 1.0)).get(), "3 is well above");
    }

    @Test
    void aHyphenatedNameReadsItsColumnsWithUnderscores() {
        assertEquals("sliced-w2 3.5x its floor (well above)", named("sliced-w2").verdict(Map.of("sliced_w2", 0.0763, "sliced_w2_floor", 0.0219))
                .get());
    }

    @Test
    void aFloorOfZeroAndNotANumberAreSaidInWords() {
        Metric mmd = named("mmd");
        assertEquals("mmd 0.0469 against a floor of 0", mmd.verdict(Map.of("mmd", 0.04694, "mmd_floor", 0.0)).get());
        assertEquals("mmd at its floor", mmd.verdict(Map.of("mmd", 0.0, "mmd_floor", 0.0)).get());
        assertEquals("mmd not a number", mmd.verdict(Map.of("mmd", Double.NaN, "mmd_floor", 0.1)).get());
    }

    @Test
    void aMetricWithoutAFloorColumnSaysNothingByDefault() {
        assertEquals(Optional.empty(), named("accuracy").verdict(Map.of("accuracy", 0.8)));
        assertEquals(Optional.empty(), named("w2").verdict(Map.of("w1", 0.8, "w1_floor", 0.1)));
    }
}
