package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.wasserflow.runners.report.Provenance;

/**
 * One run of a sweep: a variant and a seed, with its run directory {@code <sweep>/<variant>/seed-<n>}, its
 * configuration file and its log. A run is complete once its directory holds {@code provenance.properties}
 * with {@code status = completed}, which a run writes last; an interrupted run keeps its checkpoints, and
 * running its configuration again resumes it.
 *
 * @param variant the variant's directory name
 * @param seed the run seed
 * @param config the full configuration of the run (base, variant values, seed, output place)
 * @param dir the run directory
 */
public record PlannedRun(String variant, long seed, SortedMap<String, String> config, Path dir) {

    /** True if the run finished its budget and wrote its provenance. */
    public boolean complete() {
        return Provenance.completed(dir);
    }

    /** True if an earlier attempt left a checkpoint that running the configuration again resumes from. */
    public boolean resumable() {
        Path checkpoints = dir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.anyMatch(p -> p.getFileName().toString().matches("it-\\d+"));
        } catch (IOException e) {
            return false;
        }
    }

    /** What an interrupted attempt kept, for messages: {@code checkpoint at iteration <n>}, or {@code no checkpoint}. */
    String stoppedAt() {
        try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("it-\\d+")).max(Comparator.naturalOrder())
                    .map(n -> "checkpoint at iteration " + Long.parseLong(n.substring(3))).orElse("no checkpoint");
        } catch (IOException e) {
            return "no checkpoint";
        }
    }

    /** A short label for progress lines. */
    public String label() {
        return variant + "/seed-" + seed;
    }

    /** The run's configuration file in the sweep directory {@code sweep}: {@code configs/<variant>__seed-<n>.properties}. */
    Path configFile(Path sweep) {
        return sweep.resolve("configs").resolve(variant + "__seed-" + seed + ".properties");
    }

    /** The run's console output in the sweep directory {@code sweep}: {@code logs/<variant>__seed-<n>.log}. */
    Path logFile(Path sweep) {
        return sweep.resolve("logs").resolve(variant + "__seed-" + seed + ".log");
    }

    /** Deletes what an interrupted earlier attempt left in the run directory, unless it can be resumed. */
    void clearIncomplete() throws IOException {
        if (Files.exists(dir) && !complete() && !resumable()) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
