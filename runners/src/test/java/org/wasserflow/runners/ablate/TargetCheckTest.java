package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.RunPlan;

/** An {@code ablate.target} naming a column no run logs is refused before anything runs, with the valid columns. */
class TargetCheckTest {

    @TempDir
    Path tmp;

    private static final Path PRESET = Path.of("../configs/ring-w2.properties");

    @Test
    void anUnknownTargetMetricIsRefusedBeforeAnyRunNamingTheValidColumns() {
        for (String target : List.of("w9<=0.1", "w2<=1.5*w9_floor")) {
            List<String> args = List.of("K=1,2", "run.iterations=2", "flow.batch=64", "eval.source_size=100", "eval.data_size=100",
                    "ablate.target=" + target, "ablate.name=target", "ablate.out=" + tmp);
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new AblateCommand(PRESET, args, getClass().getClassLoader()).execute(), target);
            String m = e.getMessage();
            String bad = target.contains("w9_floor") ? "w9_floor" : "w9";
            assertTrue(m.contains("ablate.target") && m.contains("'" + bad + "'") && m.contains("w2_floor") && m.contains("hq_fraction")
                    && m.contains("modes_covered") && !m.contains("\n"), m);
            assertFalse(Files.exists(tmp.resolve("target")), "nothing was written or run");
        }
    }

    @Test
    void theValidColumnsAreTheMetricsColumnsAndThePotentialsDiagnostics() {
        SweepPlan plan = SweepPlan.load(PRESET, List.of("metrics=w2,modes", "eval.source_size=100", "eval.data_size=100",
                "ablate.target=modes_covered>=8"));
        List<RunPlan> plans = AblateCommand.plan(plan, tmp).stream().map(r -> RunPlan.of(r.config(), getClass().getClassLoader(),
                List.of())).toList();
        Set<String> columns = TargetCheck.columns(plans);
        assertTrue(columns.containsAll(List.of("w2", "w2_floor", "hq_fraction", "modes_covered")), columns.toString());
        assertFalse(columns.contains("w1") || columns.contains("iteration") || columns.contains("train_s"), columns.toString());
        TargetCheck.check(plan.sweep().target(), "", plans);
        assertEquals("modes_covered", plan.sweep().target().metric());
    }
}
