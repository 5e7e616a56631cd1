package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;

class SweepPlanTest {

    @TempDir
    Path tmp;

    @Test
    void commandLineAxesFormAGridWithAliasesAndSeeds() {
        SweepPlan p = SweepPlan.load(null, List.of("K=1,3,5", "potential=neural-dual,exact-ot", "seeds=3", "run.iterations=10",
                "critic.hidden=64,64;128,128,128"));
        assertEquals(Map.of("flow.K", List.of("1", "3", "5"), "potential", List.of("neural-dual", "exact-ot"),
                "critic.hidden", List.of("64,64", "128,128,128")), p.axes());
        assertEquals(12, p.variants().size());
        assertEquals("flow.K-1__potential-neural-dual__critic.hidden-64_64", p.variants().get(0).name());
        assertEquals(3, p.sweep().seeds());
        assertEquals("10", p.base().get("run.iterations"));
        assertTrue(!p.base().containsKey("flow.K") && !p.base().containsKey("ablate.seeds"));
    }

    @Test
    void aFileGivesAxesUnderAblateGridAndIncludesItsBase() throws IOException {
        Files.writeString(tmp.resolve("base.properties"), "loss = w2\nflow.K = 5\nrun.iterations = 7\n");
        Files.writeString(tmp.resolve("k-sweep.properties"),
                "include = base.properties\nablate.grid.flow.K = 1,5\nablate.seeds = 2\nablate.parallel = 2\n");
        SweepPlan p = SweepPlan.load(tmp.resolve("k-sweep.properties"), List.of("run.iterations=9"));
        assertEquals(Map.of("flow.K", List.of("1", "5")), p.axes());
        assertEquals("k-sweep", p.sweep().name());
        assertEquals(2, p.sweep().parallel());
        assertEquals("9", p.base().get("run.iterations"), "the command line wins");
        assertEquals("w2", p.base().get("loss"));
    }

    @Test
    void namedVariantsComeInTheirOrderCrossedWithTheGrid() throws IOException {
        Files.writeString(tmp.resolve("methods.properties"), String.join("\n", "loss = w2", "flow.K = 5",
                "ablate.variants = w2-fe, w1-lp", "ablate.variant.w2-fe = loss=w2 critic.hidden=64,64",
                "ablate.variant.w1-lp = loss=w1 w1.penalty=lp K=1", "ablate.grid.flow.eps = 0.5,1", ""));
        SweepPlan p = SweepPlan.load(tmp.resolve("methods.properties"), List.of());
        List<SweepPlan.Variant> v = p.variants();
        assertEquals(List.of("w2-fe__flow.eps-0.5", "w2-fe__flow.eps-1", "w1-lp__flow.eps-0.5", "w1-lp__flow.eps-1"),
                v.stream().map(SweepPlan.Variant::name).toList());
        assertEquals(Map.of("loss", "w1", "w1.penalty", "lp", "flow.K", "1", "flow.eps", "0.5"), v.get(2).values());
        assertEquals("64,64", v.get(0).values().get("critic.hidden"));
        assertEquals("w1-lp", v.get(3).label());

        Files.writeString(tmp.resolve("unlisted.properties"), "ablate.variants = a\nablate.variant.a = loss=w1\nablate.variant.b = loss=w2\n");
        ConfigException unlisted = assertThrows(ConfigException.class, () -> SweepPlan.load(tmp.resolve("unlisted.properties"), List.of()));
        assertTrue(unlisted.getMessage().contains("ablate.variant.b") && unlisted.getMessage().contains("[a]"), unlisted.getMessage());
        Files.writeString(tmp.resolve("missing.properties"), "ablate.variants = a, b\nablate.variant.a = loss=w1\n");
        ConfigException missing = assertThrows(ConfigException.class, () -> SweepPlan.load(tmp.resolve("missing.properties"), List.of()));
        assertTrue(missing.getMessage().contains("ablate.variant.b"), missing.getMessage());
    }

    @Test
    void mistakesAreNamed() {
        ConfigException dup = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("critic.hidden=64,64")));
        assertTrue(dup.getMessage().contains("critic.hidden") && dup.getMessage().contains("';'"), dup.getMessage());
        ConfigException seed = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("run.seed=1,2")));
        assertTrue(seed.getMessage().contains("seeds=N"), seed.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("ablate.paralel=2")));
        assertTrue(unknown.getMessage().contains("ablate.paralel") && unknown.getMessage().contains("ablate.parallel"), unknown.getMessage());
        assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("seeds=0")));
        ConfigException target = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("ablate.target=w2<0.2")));
        assertTrue(target.getMessage().contains("ablate.target") && target.getMessage().contains("w2<=0.2"), target.getMessage());
    }

    @Test
    void targetsReadBothDirections() {
        SweepConfig.Target below = SweepPlan.load(null, List.of()).sweep().target();
        assertTrue(below.met(0.2) && !below.met(0.21) && below.metric().equals("w2"), below.toString());
        SweepConfig.Target above = SweepPlan.load(null, List.of("ablate.target=accuracy>=0.6")).sweep().target();
        assertTrue(above.met(0.6) && !above.met(0.59) && above.metric().equals("accuracy"), above.toString());
        SweepConfig.Target floor = SweepPlan.load(null, List.of("ablate.target=w2<=1.5*w2_floor")).sweep().target();
        assertTrue(floor.met(0.15, 0.1) && !floor.met(0.16, 0.1) && floor.relativeTo().equals("w2_floor"), floor.toString());
        assertEquals("w2<=1.5*w2_floor", floor.toString());
        ConfigException bad = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("ablate.target=w2<=x*w2_floor")));
        assertTrue(bad.getMessage().contains("w2<=1.5*w2_floor"), bad.getMessage());
    }
}
