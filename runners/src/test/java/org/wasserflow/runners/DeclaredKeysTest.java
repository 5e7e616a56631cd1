package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasserflow.runners.plugin.SlicedPluginJar;

/**
 * Keys are checked against the declarations before anything is constructed: a misspelt key, an out-of-range
 * value and a bad choice, for a selected plugin, an unselected built-in plugin and an unselected plugin from a
 * dropped-in jar, each exit 2 with one line and leave the output directory empty. Also {@code help}, which
 * reads the same declarations.
 */
class DeclaredKeysTest {

    @TempDir
    static Path build;

    private static Path plugins;

    @TempDir
    Path tmp;

    @BeforeAll
    static void dropInTheSlicedPlugin() throws IOException {
        plugins = build.resolve("plugins");
        SlicedPluginJar.compile(build).jar(plugins.resolve("sliced-w2.jar"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // (a) the selected potential, W2's neural dual
        "w2.lamda=10               | unknown key 'w2.lamda' = '10' (did you mean 'w2.lambda'?)",
        "w2.lambda=-1              | invalid value '-1' for key 'w2.lambda': expected a number >= 0",
        "w2.penalty=cubic          | invalid value 'cubic' for key 'w2.penalty': expected one of [squared, linear]",
        // (b) unselected built-in plugins: the Sinkhorn potential, W1's critic
        "sinkhorn.epsilom=0.1      | unknown key 'sinkhorn.epsilom' = '0.1' (did you mean 'sinkhorn.epsilon'?)",
        "sinkhorn.epsilon=0        | invalid value '0' for key 'sinkhorn.epsilon': expected a number > 0",
        "w1.penalty=l2             | invalid value 'l2' for key 'w1.penalty': expected one of [gp, lp]",
        // (c) the unselected sliced potential from the dropped-in jar
        "sliced.direction=5        | unknown key 'sliced.direction' = '5' (did you mean 'sliced.directions'?)",
        "sliced.directions=0       | invalid value '0' for key 'sliced.directions': expected an integer >= 1",
        "sliced.redraw=never       | invalid value 'never' for key 'sliced.redraw': expected one of [each-call, once]",
    })
    void badKeysOfAnyPluginStopBeforeAnythingIsConstructed(String argument, String expected) {
        Cli.Result r = Cli.run("run", "../configs/ring-w2.properties", argument, "plugins.dir=" + plugins, "run.out=" + tmp);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(Cli.isEmpty(tmp), "nothing written");
    }

    @Test
    void aSweepGridIsCheckedFromTheDeclarationsBeforeAnyRunStarts() {
        Cli.Result r = Cli.run("ablate", "../configs/ring-w2.properties", "sinkhorn.epsilon=0.1,-1", "ablate.out=" + tmp);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("invalid value '-1' for key 'sinkhorn.epsilon': expected a number > 0"), r.err());
        assertTrue(Cli.isEmpty(tmp), "no sweep directory");
    }

    @Test
    void withoutItsJarAPluginsKeyIsUnknown() {
        Cli.Result r = Cli.run("run", "../configs/ring-w2.properties", "sliced.directions=5", "run.out=" + tmp);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("unknown key 'sliced.directions' = '5'"), r.err());
    }

    @Test
    void particlesNeedTheEvaluationSizeAsBatchBeforeTraining() {
        Cli.Result r = Cli.run("run", "../configs/ring-w2.properties", "generator=particles", "potential=exact-ot", "flow.batch=64",
                "eval.source_size=100", "eval.data_size=100", "run.out=" + tmp);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("invalid value '64' for key 'flow.batch': expected 100, the evaluation size (eval.source_size): "
                + "generator 'particles' requires one batch size for training and evaluation"), r.err());
        assertTrue(Cli.isEmpty(tmp), "nothing written");
    }

    @Test
    void helpListsThePluginsByKindWithTheirOrigin() {
        Cli.Result r = Cli.run("help", "plugins.dir=" + plugins);
        assertEquals(0, r.status(), r.err());
        for (String line : List.of("  potential:", "    sinkhorn", "[the class path]", "    sliced (loss sliced-w2)",
                "[" + plugins.resolve("sliced-w2.jar") + "]", "  law:", "    gaussian-mixture", "    npy", "  metric:", "    mode-stats",
                "  integrator:", "    heun")) {
            assertTrue(r.out().contains(line), line + " in:\n" + r.out());
        }
    }

    @Test
    void helpOfAPluginPrintsEveryKeyWithTypeDefaultRangeAndDescription() {
        Cli.Result r = Cli.run("help", "potential", "sinkhorn");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("potential sinkhorn: stabilised log-domain Sinkhorn"), r.out());
        assertTrue(r.out().contains("requires: a ground cost c(y, x)"), r.out());
        assertTrue(r.out().matches("(?s).*sinkhorn\\.epsilon +number +default 0\\.01 +a number > 0 +entropic regularisation.*"), r.out());
        assertTrue(r.out().matches("(?s).*sinkhorn\\.scaling +number +default 0\\.5 +a number in \\(0, 1\\) +epsilon-scaling.*"), r.out());
        assertTrue(r.out().matches("(?s).*sinkhorn\\.debias +boolean +default false +one of \\[true, false\\] .*"), r.out());
        Cli.Result neural = Cli.run("help", "potential", "neural-dual");
        assertTrue(neural.out().contains("potential neural-dual (loss w2)") && neural.out().contains("potential neural-dual (loss w1)")
                && neural.out().contains("critic.threads") && neural.out().contains("w1.lambda"), neural.out());
    }

    @Test
    void helpOfAnUnknownPluginNamesTheValidOnes() {
        Cli.Result r = Cli.run("help", "potential", "magic");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("'magic' for key 'potential': expected one of [exact-ot, neural-dual, sinkhorn]"), r.err());
    }
}
