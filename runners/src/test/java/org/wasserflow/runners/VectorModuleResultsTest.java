package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * The networks' thin products give the same results computed in Java (this JVM runs with the Vector API
 * module) as computed by OpenBLAS (a child JVM started without it): the same {@code metrics.csv}, timing
 * columns aside, for a short run of the default ring configuration, both critic lanes and the generator's
 * batch-norm halves included.
 */
class VectorModuleResultsTest {

    private static final List<String> SHORT = List.of("run.iterations=30", "run.log_every=10", "flow.batch=256",
            "eval.source_size=300", "eval.data_size=300", "critic.steps=2");

    @TempDir
    Path tmp;

    @Test
    void aRunWithoutTheVectorModuleHasTheSameMetrics() throws Exception {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "the tests run with the module (surefire's argLine)");
        List<String> args = new ArrayList<>(SHORT);
        args.add("run.out=" + tmp);
        args.add("run.name=with");
        new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args), getClass().getClassLoader(), "test")
                .execute();
        List<String> cmd = TestRuns.ringRun(SHORT);
        cmd.add("run.out=" + tmp);
        cmd.add("run.name=without");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("without.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the child run did not end within 3 minutes");
        String log = Files.readString(tmp.resolve("without.log"));
        assertEquals(0, p.exitValue(), log);
        assertFalse(log.contains("jdk.incubator.vector"), "the child runs without the module: " + log);
        assertEquals(withoutTimes("with"), withoutTimes("without"));
        assertEquals(5, withoutTimes("without").size(), "header and iterations 0, 10, 20, 30");
    }

    private List<String> withoutTimes(String run) throws IOException {
        return TestRuns.withoutTimes(tmp.resolve(run));
    }
}
