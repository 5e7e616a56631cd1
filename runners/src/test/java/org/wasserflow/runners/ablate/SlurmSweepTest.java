package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.runners.report.Provenance;

/**
 * Sweeps through a real Slurm cluster ({@code sbatch} on PATH; see {@link SlurmCluster}): a 4-run sweep is
 * interrupted, resumed and compared with the local launcher; a failing task is reported with its log.
 */
class SlurmSweepTest {

    private static final String CONFIG = "../configs/ring-w2.properties";

    @TempDir
    Path tmp;

    private List<String> sweep(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("K=1,2", "seeds=2", "run.iterations=20", "run.log_every=10", "flow.batch=64",
                "eval.source_size=200", "eval.data_size=200", "critic.steps=1", "ablate.parallel=2",
                "ablate.out=" + tmp, "ablate.name=" + name));
        args.addAll(List.of(more));
        return args;
    }

    private void ablate(List<String> args) throws Exception {
        new AblateCommand(Path.of(CONFIG), args, getClass().getClassLoader()).execute();
    }

    @Test
    void interruptedSweepResumesOnlyIncompleteRunsAndMatchesTheLocalLauncher() throws Exception {
        SlurmCluster.assume();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"),
                "-cp", System.getProperty("java.class.path"), "org.wasserflow.runners.Main", "ablate", CONFIG));
        cmd.addAll(sweep("slurm", "ablate.launcher=slurm"));
        Path first = tmp.resolve("first.log");
        Process waiting = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(first.toFile()).start();
        Path dir = tmp.resolve("slurm");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (complete(dir).isEmpty() && waiting.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        String job = Files.readString(dir.resolve("slurm/job.id")).strip();
        waiting.destroy();
        waiting.waitFor();
        assertTrue(Files.readString(first).contains("cancelled slurm job " + job), Files.readString(first));
        while (!SlurmCluster.run(List.of("squeue", "-h", "-j", job)).isBlank() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        String queue = SlurmCluster.run(List.of("squeue", "-h", "-j", job));
        assertTrue(queue.isBlank() || queue.contains("Invalid job id"), "interrupting the waiting command cancels job " + job + ": " + queue);
        try (java.util.stream.Stream<Path> runs = Files.walk(dir, 2)) {
            for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("seed-")).toList()) {
                WriterWait.untilUnlocked(run);
            }
        }
        Map<Path, String> before = provenances(dir);
        assertTrue(!before.isEmpty() && before.size() < 4, "interrupted after " + before.size() + " of 4 runs: " + Files.readString(first));

        SlurmException refused = assertThrows(SlurmException.class, () -> ablate(sweep("slurm", "ablate.launcher=slurm",
                "slurm.partition=no-such-partition")));
        assertTrue(refused.getMessage().contains("partition") && !refused.getMessage().contains("\n"), refused.getMessage());
        assertEquals(before, provenances(dir), "a refused submission leaves the complete runs as they were");

        ablate(sweep("slurm", "ablate.launcher=slurm"));
        Map<Path, String> after = provenances(dir);
        assertEquals(4, after.size());
        before.forEach((p, text) -> assertEquals(text, after.get(p), "a complete run is not redone: " + p));
        assertEquals(4 - before.size(), Files.readAllLines(dir.resolve("slurm/tasks.txt")).size(), "only the incomplete runs are resubmitted");
        assertTrue(Files.readAllLines(dir.resolve("sweep.properties")).containsAll(List.of("ablate.launcher = slurm", "slurm.cpus_per_task = 1")));

        ablate(sweep("local"));
        List<String> viaSlurm = Files.readAllLines(dir.resolve("report.csv"));
        assertEquals(3, viaSlurm.size(), String.join("\n", viaSlurm));
        assertEquals(withoutTimings(Files.readAllLines(tmp.resolve("local/report.csv"))), withoutTimings(viaSlurm));

        Files.delete(dir.resolve("report.csv"));
        assertEquals(4, new ReportCommand(dir).execute());
        assertEquals(viaSlurm, Files.readAllLines(dir.resolve("report.csv")), "wasserflow report rebuilds the same report");
    }

    @Test
    void aFailedTaskIsNamedWithTheTailOfItsLog() throws Exception {
        SlurmCluster.assume();
        Path dir = Files.createDirectories(tmp.resolve("failing"));
        Files.writeString(dir.resolve("base"), "a file where the run directory's parent should be\n");
        List<String> args = List.of("run.iterations=5", "flow.batch=64", "eval.source_size=100", "eval.data_size=100", "critic.steps=1", "ablate.launcher=slurm",
                "ablate.out=" + tmp, "ablate.name=failing");
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> ablate(args));
        String log = dir.resolve("logs/base__seed-1.log").toString();
        assertTrue(failed.getMessage().startsWith("1 run(s) failed: base/seed-1 (exit status 1; " + log + ": wasserflow: failed:"),
                failed.getMessage());
        assertFalse(failed.getMessage().contains("\n"), failed.getMessage());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("| 0/1 |"), "the report still lists the failed variant");
    }

    /** report.csv rows without the columns that measure time. */
    private static List<String> withoutTimings(List<String> csv) {
        List<String> header = List.of(csv.get(0).split(","));
        List<String> out = new ArrayList<>();
        for (String line : csv) {
            String[] cells = line.split(",");
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (!header.get(i).equals("train_s_mean") && !header.get(i).equals("reach_s_mean")) {
                    kept.add(cells[i]);
                }
            }
            out.add(String.join(",", kept));
        }
        return out;
    }

    private static Map<Path, String> provenances(Path dir) throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        for (Path p : complete(dir)) {
            out.put(p, Files.readString(p));
        }
        return out;
    }

    /** Provenance files of the runs that finished; a run stopped by {@code scancel} writes one too, as interrupted. */
    private static List<Path> complete(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals("provenance.properties") && Provenance.completed(p.getParent()))
                    .sorted().toList();
        }
    }
}
