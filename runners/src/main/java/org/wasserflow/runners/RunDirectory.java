package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.checkpoint.CheckpointStore;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.report.Provenance;

/**
 * What {@code run} may do with an existing run directory it holds the lock of and cannot resume. An empty one is
 * used. One that a run of the same resolved configuration left without any checkpoint (killed before its first,
 * or {@code run.checkpoint_every=0}) is started again: nothing computed is lost, since a run is a function of its
 * configuration and the directory holds only that configuration and metrics the new run logs again, bit for bit
 * (timings aside); its {@code metrics.csv}, {@code provenance.properties}, {@code samples.png}, {@code pairs.png},
 * {@code grids/} and {@code checkpoints/} are replaced, anything else is left. Anything else is refused in one line with the way out.
 */
final class RunDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);

    /** The files a run writes, replaced when it starts again. */
    private static final List<String> RUN_FILES = List.of("metrics.csv", "metrics.csv.tmp", "provenance.properties", "samples.png",
            "pairs.png", "grids", "checkpoints");

    private final Path dir;

    RunDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Prepares the directory for a fresh run of {@code resolved}, or refuses.
     *
     * @throws ConfigException in one line naming the directory and the way out
     */
    void requireRestartable(SortedMap<String, String> resolved) throws IOException {
        List<String> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(RunLock.FILE)).sorted().toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        String wayOut = "; choose another run.name, or remove " + dir + " (rm -r) to train it again";
        Path config = dir.resolve("config.properties");
        if (!Files.isRegularFile(config)) {
            throw new ConfigException("run.name", "run directory " + dir + " already exists and holds no run (no config.properties)" + wayOut);
        }
        if (Provenance.completed(dir)) {
            throw new ConfigException("run.name", "run directory " + dir + " holds a completed run" + wayOut);
        }
        SortedMap<String, String> saved = new TreeMap<>(new ConfigLoader().load(config, List.of()));
        CheckpointStore store = new CheckpointStore(dir, 1);
        boolean checkpointed = !store.list().isEmpty() || store.best().isPresent();
        if (!saved.equals(resolved)) {
            throw new ConfigException("run.name", "run directory " + dir + " holds a run of another configuration (keys that differ: "
                    + differing(saved, resolved) + ")" + (checkpointed ? "; continue it with: wasserflow resume " + dir : "") + wayOut);
        }
        if (checkpointed) {
            throw new ConfigException("run.name", "run directory " + dir + " holds checkpoints of this configuration that cannot be resumed"
                    + "; see: wasserflow resume " + dir + wayOut);
        }
        LOG.info("run directory {} holds this configuration but no checkpoint (the run was stopped before its first): starting it again", dir);
        for (String name : RUN_FILES) {
            delete(dir.resolve(name));
        }
    }

    /** The keys whose values differ between two configurations, or that only one has. */
    static List<String> differing(SortedMap<String, String> a, SortedMap<String, String> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!String.valueOf(a.get(k)).equals(String.valueOf(b.get(k)))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Deletes {@code path} and everything under it, if it exists. */
    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
