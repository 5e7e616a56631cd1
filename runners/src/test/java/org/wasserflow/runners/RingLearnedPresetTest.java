package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * The ring's learned-generator preset (exact OT targets, distance loss, the generator's average) fits the ring
 * within twice its stratified floor with modes as wide as the data's, on a seeded run of half its budget.
 */
class RingLearnedPresetTest {

    @TempDir
    Path tmp;

    @Test
    void halfTheBudgetFitsTheRingWithinTwiceTheFloorAndTheDatasWidth() throws IOException {
        Map<String, String> settings = new ConfigLoader().load(Path.of("..", "configs", "ring-mlp-w2.properties"),
                List.of("run.iterations=2000", "run.log_every=1000", "run.out=" + tmp, "run.name=ring"));
        Map<String, Double> m = new TrainCommand(settings, getClass().getClassLoader(), "test").execute();
        assertEquals(8.0, m.get("modes_covered"), m.toString());
        assertTrue(m.get("w2") <= 2 * m.get("w2_floor"), "W2 within 2x of the stratified floor: " + m);
        assertTrue(m.get("mode_std_ratio_mean") >= 0.85, "modes as wide as the data's: " + m);
        assertTrue(m.get("mode_weight_tv") < 0.03, "the modes' weights: " + m);
    }
}
