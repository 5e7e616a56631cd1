package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directories as a careful user expects them: a completed run is neither resumed nor overwritten; a run
 * stopped before its first checkpoint is started again under its name, a run of another configuration under that
 * name is refused; SIGTERM with {@code run.checkpoint_every=0} still checkpoints; a second process is refused a
 * locked run directory in one line naming the holder, and the lock dies with its holder; the best checkpoint by
 * {@code run.keep_best} is kept (the least w2 by default, the greatest of a metric that declares higher better) and
 * {@code sample checkpoint=best} reads it; a full disk (a small tmpfs, where this
 * test may mount one) stops the run in one line naming the checkpoint's path, keeping the previous checkpoint.
 */
class RunDirectoryTest {

    private static final List<String> SMALL = List.of("run.iterations=40", "run.log_every=10", "run.checkpoint_every=10",
            "flow.batch=128", "eval.source_size=200", "eval.data_size=200", "critic.steps=2");

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** Every file under the run directory {@code whole}, trained once, and its metrics without the timing columns. */
    private static Map<Path, String> wholeFiles;
    private static List<String> whole;

    @BeforeAll
    static void trainOnce() throws IOException {
        assertEquals(0, Cli.run(args(shared, "whole").toArray(String[]::new)).status());
        whole = TestRuns.withoutTimes(shared.resolve("whole"));
        wholeFiles = files(shared.resolve("whole"));
    }

    @Test
    void aCompletedRunIsNeitherResumedNorOverwrittenAndKeepsItsBestCheckpoint() throws IOException {
        Path dir = shared.resolve("whole");
        Cli.Result resumed = Cli.run("resume", dir.toString());
        assertEquals(0, resumed.status(), resumed.err());
        Cli.Result again = Cli.run(args(shared, "whole").toArray(String[]::new));
        assertEquals(2, again.status());
        assertTrue(again.err().contains("holds a completed run; choose another run.name, or remove " + dir), again.err());
        assertEquals(wholeFiles, files(dir), "resume and run of a completed run touch nothing");

        List<String[]> rows = Files.readAllLines(dir.resolve("metrics.csv")).stream().skip(1).map(l -> l.split(",")).toList();
        String[] best = rows.stream().min((a, b) -> Double.compare(Double.parseDouble(a[3]), Double.parseDouble(b[3]))).orElseThrow();
        TrainedRun kept = TrainedRun.open(dir, "best", getClass().getClassLoader());
        assertEquals(Long.parseLong(best[0]), kept.checkpoint().iteration(), "the best checkpoint is at the row of least w2");
        double w2 = Double.parseDouble(kept.checkpoint().manifest().get("best.value"));
        assertEquals("w2", kept.checkpoint().manifest().get("best.metric"));
        assertEquals(Double.parseDouble(best[3]), w2, 1e-5 * w2, "its recorded value is the row's w2");
        assertEquals(w2, kept.components().problem().evaluate(kept.components().generator()).get("w2"), 0.0,
                "the restored best generator evaluates to its recorded w2");

        Cli.Result sample = Cli.run("sample", dir.toString(), "n=50", "checkpoint=best", "out=" + tmp.resolve("best.npy"));
        assertEquals(0, sample.status(), sample.err());
        Cli.Result unknown = Cli.run("sample", dir.toString(), "n=50", "checkpoint=newest", "out=" + tmp.resolve("x.npy"));
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("'newest' for key 'checkpoint'") && unknown.err().contains("it-000000040") && unknown.err().contains("best"),
                unknown.err());
        Cli.Result badMetric = Cli.run(args(tmp, "w9", "run.keep_best=w9").toArray(String[]::new));
        assertEquals(2, badMetric.status());
        assertTrue(badMetric.err().contains("invalid value 'w9' for key 'run.keep_best'") && badMetric.err().contains("[w2, w1, energy, hq_fraction"), badMetric.err());
        assertFalse(Files.exists(tmp.resolve("w9")), "the refused run leaves no directory behind");
    }

    @Test
    void aMetricThatDeclaresHigherBetterKeepsItsMaximum() throws IOException {
        Cli.Result run = Cli.run(args(tmp, "hq", "run.keep_best=hq_fraction").toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        List<String> header = List.of(Files.readAllLines(tmp.resolve("hq/metrics.csv")).get(0).split(","));
        int column = header.indexOf("hq_fraction");
        List<String[]> rows = Files.readAllLines(tmp.resolve("hq/metrics.csv")).stream().skip(1).map(l -> l.split(",")).toList();
        String[] best = rows.stream().reduce((a, b) -> Double.parseDouble(b[column]) > Double.parseDouble(a[column]) ? b : a).orElseThrow();
        TrainedRun kept = TrainedRun.open(tmp.resolve("hq"), "best", getClass().getClassLoader());
        assertEquals(Long.parseLong(best[0]), kept.checkpoint().iteration(), "the first row of greatest hq_fraction");
        assertTrue(Long.parseLong(best[0]) > 0, "not the untrained generator, whose hq_fraction is least");
        assertEquals("higher", kept.checkpoint().manifest().get("best.better"));
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointStartsAgainAndAnotherConfigurationIsRefused() throws IOException {
        Path dir = tmp.resolve("early");
        copy(shared.resolve("whole"), dir);
        Files.writeString(dir.resolve("config.properties"), Files.readString(dir.resolve("config.properties"))
                .replace("run.name = whole", "run.name = early").replace("run.out = " + shared, "run.out = " + tmp));
        RunDirectory.delete(dir.resolve("checkpoints"));
        Files.delete(dir.resolve("provenance.properties"));
        Files.delete(dir.resolve("samples.png"));
        Files.write(dir.resolve("metrics.csv"), Files.readAllLines(dir.resolve("metrics.csv")).subList(0, 3));
        Map<Path, String> killed = files(dir);

        Cli.Result other = Cli.run(args(tmp, "early", "run.seed=2").toArray(String[]::new));
        assertEquals(2, other.status());
        assertTrue(other.err().contains("holds a run of another configuration (keys that differ: [run.seed])")
                && other.err().contains("choose another run.name"), other.err());
        assertEquals(killed, files(dir), "the refused run touches nothing");

        Cli.Result again = Cli.run(args(tmp, "early").toArray(String[]::new));
        assertEquals(0, again.status(), again.err());
        assertEquals(whole, TestRuns.withoutTimes(dir));
    }

    @Test
    void sigtermWithoutPeriodicCheckpointsStillCheckpointsAndResumes() throws Exception {
        Process p = child("stopped", "run.checkpoint_every=0");
        Path metrics = tmp.resolve("stopped/metrics.csv");
        waitUntil(p, () -> lines(metrics) >= 3, "the row of iteration 10");
        assertEquals(0, new ProcessBuilder("kill", "-s", "TERM", String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String log = Files.readString(tmp.resolve("stopped.log"));
        assertEquals(143, p.exitValue(), log);
        assertTrue(log.contains("checkpoint written; continue with: wasserflow resume"), log);
        Cli.Result resumed = Cli.run("resume", tmp.resolve("stopped").toString());
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals(whole, TestRuns.withoutTimes(tmp.resolve("stopped")));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aSecondProcessIsRefusedALockedRunDirectoryNamingTheHolder() throws Exception {
        Process p = child("held", "run.iterations=100000");
        Path dir = tmp.resolve("held");
        waitUntil(p, () -> Files.exists(dir.resolve("checkpoints/it-000000000")) && lines(dir.resolve("metrics.csv")) >= 1, "the first checkpoint");
        String holder = "pid " + p.pid() + ", '";
        Cli.Result resume = Cli.run("resume", dir.toString());
        assertEquals(2, resume.status());
        assertTrue(resume.err().contains(dir + " is in use by another wasserflow command (" + holder) && resume.err().lines().count() == 1,
                resume.err());
        Cli.Result run = Cli.run(args(tmp, "held").toArray(String[]::new));
        assertEquals(2, run.status());
        assertTrue(run.err().contains(holder), run.err());
        Cli.Result sample = Cli.run("sample", dir.toString(), "n=10", "out=" + dir.resolve("s.npy"));
        assertEquals(2, sample.status());
        assertTrue(sample.err().contains(holder), sample.err());
        assertFalse(Files.exists(dir.resolve("s.npy")));
        p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        RunLock.acquire(dir, "test").close();
    }

    @Test
    void aFullDiskStopsTheRunNamingThePathAndKeepsThePreviousCheckpoint() throws Exception {
        Path disk = Files.createDirectory(tmp.resolve("disk"));
        Path ck = shared.resolve("whole/checkpoints/it-000000040");
        long checkpoint = pages(ck.resolve("state.npz")) + pages(ck.resolve("manifest.properties"));
        long fixed = 1 + pages(shared.resolve("whole/config.properties")) + pages(shared.resolve("whole/metrics.csv"));
        // room for two checkpoints and a half: the third one (after the first, whose optimiser state is all zeros and
        // compresses to little) fills the disk while it is written
        long size = 4096 * (fixed + 2 * checkpoint + checkpoint / 2);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "mounting a small tmpfs needs root: " + new String(mount.getInputStream().readAllBytes()));
        try {
            Cli.Result full = Cli.run(args(disk, "full", "run.keep_best=none").toArray(String[]::new));
            Path dir = disk.resolve("full");
            assertEquals(1, full.status(), full.err());
            assertEquals(1, full.err().lines().count(), full.err());
            Matcher m = Pattern.compile("stopped at iteration (\\d+): ").matcher(full.err());
            assertTrue(m.find(), full.err());
            int failed = Integer.parseInt(m.group(1));
            String kept = String.format("it-%09d", failed - 10);
            assertTrue(failed >= 20 && full.err().contains("stopped at iteration " + failed + ": cannot write checkpoint "
                    + dir.resolve(String.format("checkpoints/it-%09d", failed)) + ": No space left on device")
                    && full.err().contains("the previous checkpoint " + kept + " is kept") && full.err().contains("wasserflow resume " + dir),
                    full.err());
            try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
                assertEquals(List.of(String.format("it-%09d", failed - 20), kept), s.map(f -> f.getFileName().toString()).sorted().toList(),
                        "the partial checkpoint is removed, the two before it are kept");
            }
            copy(dir, tmp.resolve("full"));
        } finally {
            assertEquals(0, new ProcessBuilder("umount", disk.toString()).start().waitFor());
        }
        assertEquals(0, Cli.run("resume", tmp.resolve("full").toString()).status());
        assertEquals(whole, TestRuns.withoutTimes(tmp.resolve("full")));
    }

    private static long pages(Path file) throws IOException {
        return (Files.size(file) + 4095) / 4096;
    }

    private static List<String> args(Path out, String name, String... more) {
        List<String> a = new ArrayList<>(List.of("run", "../configs/ring-w2.properties"));
        a.addAll(SMALL);
        a.add("run.out=" + out);
        a.add("run.name=" + name);
        a.addAll(List.of(more));
        return a;
    }

    /** The small run in a child JVM; {@code more} replaces keys of {@link #SMALL}. */
    private Process child(String name, String... more) throws IOException {
        List<String> keys = List.of(more).stream().map(k -> k.substring(0, k.indexOf('=') + 1)).toList();
        List<String> cmd = TestRuns.ringRun(SMALL.stream().filter(k -> keys.stream().noneMatch(k::startsWith)).toList());
        cmd.add("run.out=" + tmp);
        cmd.add("run.name=" + name);
        cmd.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private void waitUntil(Process p, BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!done.getAsBoolean()) {
            assertTrue(p.isAlive(), "the child run ended before " + what);
            assertTrue(System.nanoTime() < deadline, "no " + what + " within 3 minutes");
            Thread.sleep(20);
        }
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Every regular file under {@code dir} (but the lock file) with its content, as text. */
    private static Map<Path, String> files(Path dir) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(RunLock.FILE)).toList()) {
                out.put(dir.relativize(f), java.util.HexFormat.of().formatHex(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }
}
