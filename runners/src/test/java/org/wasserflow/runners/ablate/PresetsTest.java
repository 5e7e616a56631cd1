package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.flow.config.ConfigLoader;

/** Every preset and every sweep under configs/ is valid: each of its runs passes the declared-settings check. */
class PresetsTest {

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
    }

    @Test
    void everyPresetIsValid() throws IOException {
        List<Path> presets = files(Path.of("../configs"));
        assertTrue(presets.size() >= 8, presets.toString());
        for (Path p : presets) {
            RunPlan.of(new ConfigLoader().load(p, List.of()), getClass().getClassLoader(), List.of());
        }
    }

    @Test
    void everyRunOfEverySweepIsValid() throws IOException {
        List<Path> sweeps = files(Path.of("../configs/sweeps"));
        assertTrue(sweeps.stream().anyMatch(p -> p.endsWith("ring-w2-methods.properties")), sweeps.toString());
        for (Path p : sweeps) {
            SweepPlan plan = SweepPlan.load(p, List.of());
            List<PlannedRun> runs = AblateCommand.plan(plan, Path.of("unused"));
            assertTrue(runs.size() == plan.variants().size() * plan.sweep().seeds(), p.toString());
            for (PlannedRun r : runs) {
                RunPlan.of(r.config(), getClass().getClassLoader(), List.of());
            }
        }
    }
}
