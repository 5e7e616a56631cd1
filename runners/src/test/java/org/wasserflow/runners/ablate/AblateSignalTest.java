package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to {@code ablate} reaches its runs: each writes a checkpoint and provenance marked {@code interrupted}
 * before the sweep exits, and the sweep says how to continue.
 */
class AblateSignalTest {

    @TempDir
    Path tmp;

    @Test
    void sigtermToTheSweepCheckpointsItsRunsAndSaysHowToContinue() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"),
                "-cp", System.getProperty("java.class.path"), "org.wasserflow.runners.Main", "ablate", "../configs/ring-w2.properties",
                "K=1", "seeds=1", "run.iterations=1000000", "run.log_every=1000000", "run.checkpoint_every=1000000", "flow.batch=64",
                "eval.source_size=100", "eval.data_size=100", "critic.steps=1", "ablate.name=signal", "ablate.out=" + tmp));
        Process sweep = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("sweep.log").toFile()).start();
        Path run = tmp.resolve("signal/base/seed-1");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!Files.isDirectory(run.resolve("checkpoints/it-000000000")) && sweep.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(sweep.isAlive(), Files.readString(tmp.resolve("sweep.log")));
        List<ProcessHandle> children = sweep.descendants().toList();
        assertFalse(children.isEmpty(), "the run is a child JVM");
        sweep.destroy();
        assertTrue(sweep.waitFor(200, TimeUnit.SECONDS), "the sweep exits");
        for (ProcessHandle h : children) {
            assertFalse(h.isAlive(), "no run is left behind");
        }
        String log = Files.readString(tmp.resolve("sweep.log"));
        assertEquals(143, sweep.exitValue(), log);
        String provenance = Files.readString(run.resolve("provenance.properties"));
        assertTrue(provenance.contains("status = interrupted"), provenance);
        List<String> checkpoints;
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            checkpoints = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("it-\\d+")).sorted().toList();
        }
        String newest = checkpoints.get(checkpoints.size() - 1);
        assertTrue(Long.parseLong(newest.substring(3)) >= 1, "a checkpoint after the signal: " + checkpoints);
        List<String> last = log.lines().filter(l -> l.startsWith("wasserflow: sweep interrupted")).toList();
        assertEquals(1, last.size(), log);
        assertTrue(last.get(0).contains("base/seed-1 (checkpoint at iteration " + Long.parseLong(newest.substring(3)) + ")")
                && last.get(0).contains("continue the sweep with: wasserflow ablate ../configs/ring-w2.properties K=1"), last.get(0));
        assertTrue(new PlannedRun("base", 1, new java.util.TreeMap<>(), run).resumable());
    }
}
