package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.checkpoint.CheckpointStore;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * Checkpoints and resume: a run killed with SIGKILL after its second checkpoint and resumed gives the same
 * {@code metrics.csv}, timing columns aside, as an uninterrupted run; SIGTERM and SIGINT checkpoint and exit 143 and 130, and
 * running the same configuration again continues it; checkpoints of another configuration are refused in one
 * line, a corrupted newest checkpoint is passed over for the previous intact one (and refused when none is intact),
 * orphaned temporary directories are removed, and a run resumed from its last checkpoint records its final metrics.
 */
class CheckpointResumeTest {

    private static final List<String> SMALL = List.of("run.iterations=40", "run.log_every=10", "run.checkpoint_every=10",
            "flow.batch=128", "eval.source_size=200", "eval.data_size=200", "critic.steps=2");

    @TempDir
    Path tmp;

    @Test
    void aRunKilledAfterItsSecondCheckpointResumesToTheUninterruptedMetrics() throws Exception {
        train("whole");
        try (Stream<Path> s = Files.list(tmp.resolve("whole/checkpoints"))) {
            assertEquals(List.of("it-000000030", "it-000000040"), s.map(c -> c.getFileName().toString()).filter(n -> !n.startsWith("best-"))
                    .sorted().toList(), "run.keep_checkpoints=2 keeps the two newest, and no temporary directory is left");
        }
        Process p = child("killed");
        waitFor(tmp.resolve("killed/checkpoints/it-000000020"), p);
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(tmp.resolve("killed/metrics.csv")) && !Files.exists(tmp.resolve("killed/samples.png")), "killed mid-run");
        new ResumeCommand(tmp.resolve("killed"), getClass().getClassLoader(), "test").execute();
        assertEquals(withoutTimes("whole"), withoutTimes("killed"));
        assertEquals(6, withoutTimes("killed").size(), "header and iterations 0, 10, 20, 30, 40");
        assertTrue(Files.readString(tmp.resolve("killed/provenance.properties")).contains("status = completed"));
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalCheckpointsExitsWithItsStatusAndRunningAgainContinues(String signal, int status) throws Exception {
        train("whole");
        Process p = child("stopped");
        waitFor(tmp.resolve("stopped/checkpoints/it-000000010"), p);
        assertEquals(0, new ProcessBuilder("kill", "-s", signal, String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(status, p.exitValue(), Files.readString(tmp.resolve("stopped.log")));
        assertTrue(Files.readString(tmp.resolve("stopped/provenance.properties")).contains("status = interrupted"));
        train("stopped");
        assertEquals(withoutTimes("whole"), withoutTimes("stopped"));
    }

    @Test
    void anotherConfigurationIsRefusedACorruptedNewestFallsBackAndOrphansAreRemoved() throws Exception {
        train("a");
        List<String> whole = withoutTimes("a");
        Path provenance = tmp.resolve("a/provenance.properties");
        Files.delete(provenance);
        Path config = tmp.resolve("a/config.properties");
        Files.writeString(config, Files.readString(config).replace("critic.steps = 2", "critic.steps = 3"));
        ConfigException other = assertThrows(ConfigException.class, () -> resume("a"));
        assertTrue(other.getMessage().contains("was written for another configuration"), other.getMessage());
        Files.writeString(config, Files.readString(config).replace("critic.steps = 3", "critic.steps = 2"));
        Path newest = tmp.resolve("a/checkpoints/it-000000040");
        Path older = tmp.resolve("a/checkpoints/it-000000030");
        Path manifest = newest.resolve("manifest.properties");
        String original = Files.readString(manifest);
        Files.writeString(manifest, original.replace("version.spi=" + org.wasserflow.api.Spi.VERSION, "version.spi=1"));
        ConfigException spi = assertThrows(ConfigException.class, () -> resume("a"));
        assertTrue(spi.getMessage().contains("was written with SPI version 1, but this wasserflow provides version "
                + org.wasserflow.api.Spi.VERSION), spi.getMessage());
        Files.writeString(manifest, original);

        flipAByte(newest.resolve("state.npz"));
        Path orphan = Files.createDirectories(tmp.resolve("a/checkpoints/.writing-123"));
        Files.write(orphan.resolve("state.npz"), new byte[100]);
        resume("a");
        assertEquals(whole, withoutTimes("a"), "resumed from it-000000030, the previous intact checkpoint");
        assertFalse(Files.exists(orphan), "the orphaned temporary directory is removed");
        CheckpointStore.read(newest, resolved(config));
        assertTrue(Files.readString(provenance).contains("status = completed"));

        Files.delete(provenance);
        resume("a");
        assertTrue(Files.readString(provenance).contains("final.w2 = "), "resumed from the last checkpoint: the final metrics are kept");

        Files.delete(provenance);
        flipAByte(newest.resolve("state.npz"));
        flipAByte(older.resolve("state.npz"));
        ConfigException corrupted = assertThrows(ConfigException.class, () -> resume("a"));
        assertTrue(corrupted.getMessage().contains("is corrupted") && corrupted.getMessage().contains("no older checkpoint is intact"),
                corrupted.getMessage());
    }

    private void resume(String name) throws IOException {
        new ResumeCommand(tmp.resolve(name), getClass().getClassLoader(), "test").execute();
    }

    private static void flipAByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }

    private static java.util.SortedMap<String, String> resolved(Path config) {
        return new java.util.TreeMap<>(new ConfigLoader().load(config, List.of()));
    }

    private Map<String, Double> train(String name) throws IOException {
        List<String> args = new ArrayList<>(SMALL);
        args.add("run.out=" + tmp);
        args.add("run.name=" + name);
        return new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args), getClass().getClassLoader(),
                "test").execute();
    }

    /** The same run in a child JVM, as the command line starts it. */
    private Process child(String name) throws IOException {
        List<String> cmd = TestRuns.ringRun(SMALL);
        cmd.add("run.out=" + tmp);
        cmd.add("run.name=" + name);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private void waitFor(Path file, Process p) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(file)) {
            assertTrue(p.isAlive(), "the child run ended early: " + Files.readString(tmp.resolve(file.getParent().getParent().getFileName() + ".log")));
            assertTrue(System.nanoTime() < deadline, "no " + file + " within 3 minutes");
            Thread.sleep(50);
        }
    }

    private List<String> withoutTimes(String run) throws IOException {
        return TestRuns.withoutTimes(tmp.resolve(run));
    }
}
