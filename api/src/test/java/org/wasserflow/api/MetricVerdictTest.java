package org.wasserflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default verdict phrase of a metric with a value and a floor column, on synthetic values. */
class MetricVerdictTest {

    /** A metric with the default verdict. */
    private static final Metric METRIC = evaluation -> {
        throw new UnsupportedOperationException();
    };

    @Test
    void aValueWithAFloorIsSaidAsItsRatioWithWordsAtTheThresholds() {
        String w2 = "w2";
        assertEquals("w2 4.1x its floor (well above)", METRIC.verdict(w2, Map.of("w2", 0.15, "w2_floor", 0.0365, "energy", 1.0)).get());
        assertEquals("w2 2.0x its floor", METRIC.verdict(w2, Map.of("w2", 0.2, "w2_floor", 0.1)).get());
        assertEquals("w2 1.3x its floor (at the floor)", METRIC.verdict(w2, Map.of("w2", 1.25, "w2_floor", 1.0)).get(), "1.25 is at the floor");
        assertEquals("w2 1.3x its floor", METRIC.verdict(w2, Map.of("w2", 1.26, "w2_floor", 1.0)).get());
        assertEquals("w2 3.0x its floor (well above)", METRIC.verdict(w2, Map.of("w2", 3.0, "w2_floor", 1.0)).get(), "3 is well above");
    }

    @Test
    void aHyphenatedNameReadsItsColumnsWithUnderscores() {
        assertEquals("sliced-w2 3.5x its floor (well above)", METRIC.verdict("sliced-w2", Map.of("sliced_w2", 0.0763, "sliced_w2_floor", 0.0219))
                .get());
    }

    @Test
    void aFloorOfZeroAndNotANumberAreSaidInWords() {
        String mmd = "mmd";
        assertEquals("mmd 0.0469 against a floor of 0", METRIC.verdict(mmd, Map.of("mmd", 0.04694, "mmd_floor", 0.0)).get());
        assertEquals("mmd at its floor", METRIC.verdict(mmd, Map.of("mmd", 0.0, "mmd_floor", 0.0)).get());
        assertEquals("mmd not a number", METRIC.verdict(mmd, Map.of("mmd", Double.NaN, "mmd_floor", 0.1)).get());
    }

    @Test
    void aMetricWithoutAFloorColumnSaysNothingByDefault() {
        assertEquals(Optional.empty(), METRIC.verdict("accuracy", Map.of("accuracy", 0.8)));
        assertEquals(Optional.empty(), METRIC.verdict("w2", Map.of("w1", 0.8, "w1_floor", 0.1)));
    }
}
