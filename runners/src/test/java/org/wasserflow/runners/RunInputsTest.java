package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.flow.Version;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * What a run directory does with its text and its files: non-ASCII names and paths survive an interruption and
 * {@code resume} (every file is UTF-8); a {@code metrics.csv} cut short mid-row resumes to the uninterrupted metrics,
 * a missing one is refused; {@code sample} and {@code transport} never write over the run's own files and refuse
 * an {@code n} beyond memory; references that cannot resolve are refused before a directory is made; the
 * checkpoint manifest and the provenance record the same real version.
 */
class RunInputsTest {

    private static final String NAME = "Ünï-运行";

    /** A run of 20 iterations, checkpointed and logged every 10, on a CSV file under a non-ASCII directory. */
    @TempDir
    static Path shared;
    private static Path whole;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainOnANonAsciiPath() throws IOException {
        Path data = Files.createDirectories(shared.resolve("données")).resolve("circle.csv");
        Files.copy(Path.of("..", "examples", "data", "circle.csv"), data);
        List<String> args = List.of("data=csv", "data.path=" + data, "data.columns=x,y", "source.std=0.05", "metrics=w2",
                "eval.source_size=200", "eval.data_size=200", "flow.batch=128", "critic.steps=2", "run.iterations=20", "run.log_every=10",
                "run.checkpoint_every=10", "run.out=" + shared.resolve("runs"), "run.name=" + NAME);
        new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args), RunInputsTest.class.getClassLoader(),
                "test").execute();
        whole = shared.resolve("runs").resolve(NAME);
    }

    /** A copy of the whole run as a kill after its checkpoint at iteration 10 leaves it, with {@code metrics} as metrics.csv. */
    private Path killedAfterTen(String metrics) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("copy")).resolve(NAME);
        try (Stream<Path> s = Files.walk(whole)) {
            for (Path p : s.toList()) {
                Path q = dir.resolve(whole.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        try (Stream<Path> s = Files.walk(dir.resolve("checkpoints/it-000000020"))) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir.resolve("samples.png"));
        Path provenance = dir.resolve("provenance.properties");
        Files.writeString(provenance, Files.readString(provenance, StandardCharsets.UTF_8)
                .replaceFirst("(?m)^status\\s*=\\s*completed$", "status = interrupted"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("metrics.csv"), metrics, StandardCharsets.UTF_8);
        return dir;
    }

    private static List<String> metricsUpTo(int rows) throws IOException {
        return Files.readAllLines(whole.resolve("metrics.csv")).subList(0, rows);
    }

    @Test
    void aNonAsciiRunNameAndDataPathResumeToTheUninterruptedMetrics() throws IOException {
        Path dir = killedAfterTen(String.join("\n", Files.readAllLines(whole.resolve("metrics.csv"))) + "\n");
        Cli.Result r = Cli.run("resume", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(TestRuns.withoutTimes(whole), TestRuns.withoutTimes(dir), "the row logged after the checkpoint is replaced");
        Properties provenance = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("provenance.properties"), StandardCharsets.UTF_8)) {
            provenance.load(in);
        }
        assertEquals("completed", provenance.getProperty("status"));
        assertTrue(provenance.getProperty("data.law.path").endsWith("données" + java.io.File.separator + "circle.csv"), provenance.toString());
        Map<String, String> saved = new ConfigLoader().load(dir.resolve("config.properties"), List.of());
        assertEquals(NAME, saved.get("run.name"));
    }

    @Test
    void aMetricsRowCutShortByAKillIsDroppedAndTheRunResumes() throws IOException {
        List<String> upToTen = metricsUpTo(3);
        Path dir = killedAfterTen(String.join("\n", upToTen) + "\n2");
        Cli.Result r = Cli.run("resume", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(TestRuns.withoutTimes(whole), TestRuns.withoutTimes(dir));
    }

    @Test
    void aMissingMetricsCsvIsRefusedAndNothingIsTouched() throws IOException {
        Path dir = killedAfterTen("");
        Files.delete(dir.resolve("metrics.csv"));
        byte[] provenance = Files.readAllBytes(dir.resolve("provenance.properties"));
        Cli.Result r = Cli.run("resume", dir.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("metrics.csv is missing") && r.err().contains("run.name=<new name>"), r.err());
        assertFalse(Files.exists(dir.resolve("metrics.csv")));
        assertArrayEquals(provenance, Files.readAllBytes(dir.resolve("provenance.properties")));
        Files.writeString(dir.resolve("metrics.csv"), "");
        Cli.Result empty = Cli.run("resume", dir.toString());
        assertEquals(2, empty.status(), empty.err());
        assertTrue(empty.err().contains("holds no header"), empty.err());
    }

    @Test
    void sampleAndTransportNeverWriteOverTheRunsFiles() throws IOException {
        byte[] metrics = Files.readAllBytes(whole.resolve("metrics.csv"));
        for (String out : List.of(whole.resolve("metrics.csv").toString(), whole.resolve("checkpoints/../metrics.csv").toString(),
                whole.resolve("checkpoints/it-000000020/x.npy").toString())) {
            Cli.Result r = Cli.run("sample", whole.toString(), "n=5", "out=" + out);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("'out'") && r.err().contains("is one of its files"), r.err());
        }
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, "x,y\n0.1,0.2\n");
        Cli.Result t = Cli.run("transport", whole.toString(), "in=" + in, "out=" + whole.resolve("metrics.csv"));
        assertEquals(2, t.status(), t.err());
        assertArrayEquals(metrics, Files.readAllBytes(whole.resolve("metrics.csv")));
        assertFalse(Files.exists(whole.resolve("checkpoints/it-000000020/x.npy")));
        Cli.Result beside = Cli.run("sample", whole.toString(), "n=5", "out=" + tmp.resolve("beside.csv"));
        assertEquals(0, beside.status(), beside.err());
    }

    @Test
    void sampleRefusesMorePointsThanMemoryHoldsInOneLine() {
        Cli.Result r = Cli.run("sample", whole.toString(), "n=2000000000", "out=" + tmp.resolve("s.npy"));
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("invalid value '2000000000' for key 'n'") && r.err().contains("at most"), r.err());
        assertFalse(Files.exists(tmp.resolve("s.npy")));
    }

    @Test
    void referencesThatCannotResolveAreRefusedBeforeAnyDirectoryIsMade() {
        for (String name : List.of("run.name=${run.name}x", "run.name=r-${run.seeed}")) {
            Cli.Result r = Cli.run("run", "../configs/ring-w2.properties", name, "run.out=" + tmp.resolve("runs"));
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("for key 'run.name'"), r.err());
            assertFalse(Files.exists(tmp.resolve("runs")));
        }
    }

    @Test
    void configPropertiesReadsBackEveryResolvedValue() throws IOException {
        java.util.SortedMap<String, String> resolved = new java.util.TreeMap<>(Map.of("run.name", "Ünï-运行 ${literal}", "data.path",
                "C:\\données\\x.csv", "plugins.dir", "", "a.b", "two\nlines", "c", "$${kept}"));
        org.wasserflow.runners.report.Provenance.writeConfig(tmp, resolved);
        assertEquals(resolved, new java.util.TreeMap<>(new ConfigLoader().load(tmp.resolve("config.properties"), List.of())));
    }

    @Test
    void theCheckpointManifestAndTheProvenanceRecordTheSameRealVersion() throws IOException {
        Properties manifest = new Properties();
        try (var in = Files.newBufferedReader(whole.resolve("checkpoints/it-000000020/manifest.properties"), StandardCharsets.UTF_8)) {
            manifest.load(in);
        }
        String version = manifest.getProperty("version.wasserflow");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "a Maven version, not " + version);
        assertNotEquals("null", version);
        assertEquals(Version.wasserflow(), version);
        assertTrue(Files.readAllLines(whole.resolve("provenance.properties")).contains("version.wasserflow = " + version));
    }
}
