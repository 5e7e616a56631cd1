package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.report.ConfigHash;

/**
 * A sweep rerun with another base configuration neither reuses nor mixes in the runs trained with the old one:
 * it is refused, naming the keys, touching nothing, or with {@code ablate.rerun=changed} retrains exactly the
 * runs that differ, keeping their old directories aside.
 */
class SweepRerunTest {

    @TempDir
    Path tmp;

    private static final Path PRESET = Path.of("../configs/ring-w2.properties");

    private List<String> args(String... more) {
        List<String> a = new ArrayList<>(List.of("seeds=1", "run.iterations=2", "run.log_every=1", "run.checkpoint_every=1",
                "flow.batch=64", "eval.source_size=100", "eval.data_size=100", "critic.steps=1", "ablate.name=rerun", "ablate.out=" + tmp));
        a.addAll(List.of(more));
        if (a.stream().noneMatch(x -> x.startsWith("K="))) {
            a.add("K=1,2");
        }
        return a;
    }

    private Path execute(List<String> args) throws Exception {
        return new AblateCommand(PRESET, args, getClass().getClassLoader()).execute();
    }

    @Test
    void aChangedBaseConfigurationIsRefusedThenRetrainsExactlyTheChangedRuns() throws Exception {
        Path dir = execute(args());
        Path k1 = dir.resolve("flow.K-1/seed-1");
        Path k2 = dir.resolve("flow.K-2/seed-1");
        String k1Provenance = Files.readString(k1.resolve("provenance.properties"));
        String k2Provenance = Files.readString(k2.resolve("provenance.properties"));
        Map<String, String> recorded = new ConfigLoader().load(k1.resolve("config.properties"), List.of());
        assertEquals(ConfigHash.sha256(recorded), Files.readString(k1.resolve("config.sha256")).split(" ")[0]);
        assertTrue(Files.readString(dir.resolve("runs.sha256")).contains(ConfigHash.sha256(recorded) + "  flow.K-1/seed-1"));

        Map<String, String> before = snapshot(dir);
        ConfigException refused = assertThrows(ConfigException.class, () -> execute(args("generator.lr=1e-3")));
        String m = refused.getMessage();
        assertTrue(m.contains("ablate.rerun") && m.contains("2 of 2 runs") && m.contains("generator.lr 1.0E-4 -> 0.001")
                && m.contains("flow.K-1/seed-1") && m.contains("ablate.rerun=changed") && !m.contains("\n"), m);
        assertEquals(before, snapshot(dir), "a refused sweep touches nothing");

        // keys that do not change results (checkpoint cadence and retention) are not a reason to retrain
        execute(args("run.keep_checkpoints=3"));
        assertEquals(k1Provenance, Files.readString(k1.resolve("provenance.properties")));

        // a partly trained run counts too: it would otherwise be continued at the new rate
        Path k2Provenance2 = k2.resolve("provenance.properties");
        Files.writeString(k2Provenance2, k2Provenance.replace("status = completed", "status = interrupted"));
        ConfigException partly = assertThrows(ConfigException.class, () -> execute(args("K=2,", "generator.lr=1e-3")));
        assertTrue(partly.getMessage().contains("1 of 1 runs") && partly.getMessage().contains("0 completed, 1 partly trained"),
                partly.getMessage());
        Files.writeString(k2Provenance2, k2Provenance);

        execute(args("K=1,2", "generator.lr=1e-3", "ablate.rerun=changed"));
        for (Path run : List.of(k1, k2)) {
            assertEquals("0.001", new ConfigLoader().load(run.resolve("config.properties"), List.of()).get("generator.lr"));
            assertTrue(Files.readString(run.resolve("provenance.properties")).contains("status = completed"));
        }
        assertEquals(k1Provenance, Files.readString(dir.resolve("flow.K-1/seed-1.replaced-1/provenance.properties")),
                "the old run is kept aside, untouched");
        assertEquals(k2Provenance, Files.readString(dir.resolve("flow.K-2/seed-1.replaced-1/provenance.properties")));
        assertNotEquals(before.get("flow.K-1/seed-1/metrics.csv"), snapshot(dir).get("flow.K-1/seed-1/metrics.csv"));

        Map<String, String> after = snapshot(dir);
        execute(args("generator.lr=1e-3"));
        assertEquals(after.get("flow.K-1/seed-1/provenance.properties"), snapshot(dir).get("flow.K-1/seed-1/provenance.properties"),
                "the same configuration again keeps the completed runs");
    }

    @Test
    void theHashIgnoresOrderAndTheKeysThatDoNotChangeResults() {
        Map<String, String> a = new TreeMap<>(Map.of("flow.K", "1", "generator.lr", "1.0E-4", "run.out", "/a", "run.name", "seed-1",
                "run.checkpoint_every", "100", "run.keep_checkpoints", "2"));
        Map<String, String> b = new java.util.LinkedHashMap<>(Map.of("run.out", "/b", "generator.lr", "1.0E-4", "flow.K", "1",
                "run.checkpoint_every", "7"));
        assertEquals(ConfigHash.sha256(a), ConfigHash.sha256(b));
        assertEquals(List.of(), ConfigHash.differences(a, b));
        b.put("run.log_every", "10");
        b.put("flow.K", "2");
        assertNotEquals(ConfigHash.sha256(a), ConfigHash.sha256(b));
        assertEquals(List.of("flow.K 1 -> 2", "run.log_every (unset) -> 10"), ConfigHash.differences(a, b));
        assertEquals(64, ConfigHash.sha256(a).length());
    }

    /** Every file under {@code dir}: its relative path to its size, modification time and content hash. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + " "
                        + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
