package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.runners.TestRuns;
import org.wasserflow.runners.report.MetricsTable;

/**
 * A sweep killed mid-way and started again finishes without redoing the runs that completed, and a run that was
 * interrupted after a checkpoint continues from it.
 */
class AblateResumeTest {

    @TempDir
    Path tmp;

    private List<String> args() {
        return List.of("../configs/ring-w2.properties", "K=1,2", "seeds=2", "run.iterations=3", "run.log_every=1",
                "flow.batch=64", "eval.source_size=100", "eval.data_size=100", "critic.steps=1", "ablate.name=resume", "ablate.out=" + tmp);
    }

    @Test
    void killedSweepResumesAndKeepsCompletedRuns() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"),
                "-cp", System.getProperty("java.class.path"), "org.wasserflow.runners.Main", "ablate"));
        cmd.addAll(args());
        Process sweep = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("first.log").toFile()).start();
        Path dir = tmp.resolve("resume");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (complete(dir).isEmpty() && sweep.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<ProcessHandle> descendants = sweep.descendants().toList();
        sweep.destroyForcibly().waitFor();
        for (ProcessHandle h : descendants) {
            h.onExit().get();
        }
        List<Path> before = complete(dir);
        assertTrue(!before.isEmpty() && before.size() < 4, "killed after " + before.size() + " of 4 runs: "
                + Files.readString(tmp.resolve("first.log")));
        Path kept = before.get(0);
        String provenance = Files.readString(kept);

        new AblateCommand(Path.of(args().get(0)), args().subList(1, args().size()), getClass().getClassLoader()).execute();
        assertEquals(4, complete(dir).size());
        assertEquals(provenance, Files.readString(kept), "a completed run is not redone");
        List<String> report = Files.readAllLines(dir.resolve("report.md"));
        assertTrue(report.stream().filter(l -> l.startsWith("| 1 |") || l.startsWith("| 2 |")).count() == 2, String.join("\n", report));
        assertTrue(report.stream().allMatch(l -> !l.startsWith("| 1 |") || l.contains("| 2/2 |")), String.join("\n", report));
        for (Path p : complete(dir)) {
            assertEquals(4, MetricsTable.read(p.resolveSibling("metrics.csv")).rows().size(), p.toString());
        }
        for (String png : List.of("plot-w2.png", "samples-grid.png", "report.csv")) {
            assertTrue(Files.size(dir.resolve(png)) > 0, png);
        }
    }

    @Test
    void anInterruptedRunOfASweepResumesFromItsNewestCheckpoint() throws Exception {
        List<String> a = List.of("K=1", "seeds=1", "run.iterations=3", "run.log_every=1", "run.checkpoint_every=1", "flow.batch=64",
                "eval.source_size=100", "eval.data_size=100", "critic.steps=1", "ablate.name=partial", "ablate.out=" + tmp);
        Path preset = Path.of("../configs/ring-w2.properties");
        new AblateCommand(preset, a, getClass().getClassLoader()).execute();
        Path provenance = complete(tmp.resolve("partial")).get(0);
        Path run = provenance.getParent();
        List<String> whole = Files.readAllLines(run.resolve("metrics.csv"));
        deleteTree(run.resolve("checkpoints/it-000000003"));
        Files.writeString(provenance, Files.readString(provenance).replace("status = completed", "status = interrupted"));

        new AblateCommand(preset, a, getClass().getClassLoader()).execute();
        String resumed = Files.readString(provenance);
        assertTrue(resumed.contains("status = completed") && resumed.contains("resumed_from_iteration = 2"), resumed);
        assertEquals(TestRuns.withoutTimes(whole), TestRuns.withoutTimes(run),
                "resumed from iteration 2 to the same metrics as the uninterrupted run");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<Path> complete(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals("provenance.properties")).sorted().toList();
        }
    }
}
