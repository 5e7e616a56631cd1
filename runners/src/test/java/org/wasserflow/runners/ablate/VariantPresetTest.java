package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.RunPlan;

/** A named variant brings its own preset ({@code include=}); a loss axis over a loss-specific base warns. */
class VariantPresetTest {

    @TempDir
    Path tmp;

    @Test
    void aVariantsPresetIsAppliedOverTheBaseAndUnderItsOwnKeys() throws Exception {
        Files.createDirectories(tmp.resolve("presets"));
        Files.createDirectories(tmp.resolve("sweeps"));
        Files.write(tmp.resolve("presets/w1.properties"), List.of("include = common.properties", "loss = w1", "w1.lambda = 0.1", "flow.K = 1"));
        Files.write(tmp.resolve("presets/common.properties"), List.of("flow.eps = 0.1"));
        Files.write(tmp.resolve("sweeps/s.properties"), List.of("loss = w2", "flow.eps = 1.0", "w2.lambda = 200",
                "ablate.variants = w2, w1", "ablate.variant.w2 = flow.K=5", "ablate.variant.w1 = include=../presets/w1.properties flow.K=3"));
        SweepPlan plan = SweepPlan.load(tmp.resolve("sweeps/s.properties"), List.of());
        List<PlannedRun> runs = AblateCommand.plan(plan, tmp.resolve("out"));
        PlannedRun w1 = runs.stream().filter(r -> r.variant().equals("w1")).findFirst().orElseThrow();
        PlannedRun w2 = runs.stream().filter(r -> r.variant().equals("w2")).findFirst().orElseThrow();
        assertEquals("w1", w1.config().get("loss"));
        assertEquals("0.1", w1.config().get("w1.lambda"));
        assertEquals("0.1", w1.config().get("flow.eps"), "the preset's own includes are read, and win over the base");
        assertEquals("3", w1.config().get("flow.K"), "the variant's keys win over its preset");
        assertEquals("w2", w2.config().get("loss"));
        assertEquals("1.0", w2.config().get("flow.eps"));
        assertEquals(tmp.resolve("presets/w1.properties").toAbsolutePath().normalize().toString(), plan.named().get("w1").get("include"),
                "relative to the sweep file's folder");
        SweepPlan cli = SweepPlan.load(tmp.resolve("sweeps/s.properties"), List.of("flow.eps=0.5", "w1.lambda=0.2"));
        PlannedRun w1cli = AblateCommand.plan(cli, tmp.resolve("out")).stream().filter(r -> r.variant().equals("w1")).findFirst().orElseThrow();
        assertEquals("0.5", w1cli.config().get("flow.eps"), "a command-line override wins over the variant's preset");
        assertEquals("0.2", w1cli.config().get("w1.lambda"));
    }

    @Test
    void includePathsOnTheCommandLineAreRelativeToTheWorkingDirectoryAndAMissingPresetIsNamed() {
        assertEquals("include=" + Path.of("/a/b/p.properties") + " flow.K=2",
                SweepPlan.absoluteIncludes("include=p.properties flow.K=2", Path.of("/a/b")));
        SweepPlan plan = SweepPlan.load(null, List.of("ablate.variants=x,y", "ablate.variant.x=include=no-such.properties", "ablate.variant.y=flow.K=2"));
        assertEquals(Path.of("no-such.properties").toAbsolutePath().normalize().toString(), plan.named().get("x").get("include"));
        ConfigException e = assertThrows(ConfigException.class, () -> AblateCommand.plan(plan, tmp));
        assertTrue(e.getMessage().contains("ablate.variant.x") && e.getMessage().contains("no-such.properties"), e.getMessage());
    }

    private static Optional<String> warning(List<String> args) {
        SweepPlan plan = SweepPlan.load(Path.of("../configs/ring-w2.properties"), args);
        List<RunPlan> plans = AblateCommand.plan(plan, Path.of("unused")).stream()
                .map(r -> RunPlan.of(r.config(), VariantPresetTest.class.getClassLoader(), List.of())).toList();
        return LossAxis.warning(plan, plans);
    }

    @Test
    void aLossAxisOverALossSpecificPresetWarnsInOneLine() {
        String w = warning(List.of("loss=w1,w2")).orElseThrow();
        assertTrue(w.startsWith("axis loss=w1,w2 runs every loss on a base configuration tuned for w2 (w2."), w);
        assertTrue(w.contains("ablate.variant.w1 = include="), w);
        assertEquals(1, w.lines().count());
        assertEquals(Optional.empty(), warning(List.of("K=1,5")));
    }
}
