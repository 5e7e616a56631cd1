package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.report.ConfigHash;

/**
 * Compares what a sweep plans with what its run directories were trained with. A run on disk that completed
 * or can be resumed (it has a checkpoint) was trained with the configuration in its {@code config.properties};
 * if the keys its results depend on ({@link ConfigHash}) differ from the planned run's resolved configuration,
 * the sweep is refused ({@code ablate.rerun=refuse}, naming the keys, old and new values) or exactly those
 * runs are retrained from scratch, their old directories kept as {@code <run>.replaced-<n>}
 * ({@code ablate.rerun=changed}). A resumable run whose results keys agree but whose checkpoint keys differ
 * continues with the checkpoint keys it started with, since a run resumes only its own configuration.
 */
final class RerunCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RerunCheck.class);

    /** Planned runs named in a refusal before "and N more". */
    private static final int NAMED = 4;

    /**
     * A run on disk trained with another configuration than planned.
     *
     * @param run the planned run
     * @param state {@code completed} or {@code resumable}
     * @param differences the keys that differ, {@code key old -> new}
     */
    record Changed(PlannedRun run, String state, List<String> differences) { }

    private RerunCheck() {
    }

    /**
     * The runs of {@code runs} whose directory holds a completed or resumable run of other results keys.
     *
     * @param resolved each planned run's resolved configuration
     */
    static List<Changed> changed(List<PlannedRun> runs, Map<PlannedRun, SortedMap<String, String>> resolved) {
        List<Changed> out = new ArrayList<>();
        for (PlannedRun r : runs) {
            String state = r.complete() ? "completed" : r.resumable() ? "resumable" : null;
            if (state == null) {
                continue;
            }
            Path file = r.dir().resolve("config.properties");
            if (!Files.isRegularFile(file)) {
                out.add(new Changed(r, state, List.of("config.properties missing, so what it ran is unknown")));
                continue;
            }
            List<String> d = ConfigHash.differences(new ConfigLoader().load(file, List.of()), resolved.get(r));
            if (!d.isEmpty()) {
                out.add(new Changed(r, state, d));
            }
        }
        return out;
    }

    /** The one-line refusal of a sweep whose runs on disk in {@code dir} differ ({@code total} runs planned). */
    static ConfigException refusal(Path dir, List<Changed> changed, int total) {
        Map<String, List<String>> byKeys = new LinkedHashMap<>();
        for (Changed c : changed) {
            byKeys.computeIfAbsent(String.join(", ", c.differences()), k -> new ArrayList<>()).add(c.run().label());
        }
        List<String> parts = new ArrayList<>();
        byKeys.forEach((keys, labels) -> parts.add(keys + " (" + names(labels) + ")"));
        long completed = changed.stream().filter(c -> c.state().equals("completed")).count();
        return new ConfigException(SweepConfig.RERUN.key(), SweepConfig.RERUN.key() + "=refuse: " + changed.size() + " of " + total + " runs in " + dir + " ("
                + completed + " completed, " + (changed.size() - completed) + " partly trained) were trained with another "
                + "configuration: " + String.join("; ", parts) + ". Nothing was changed; add ablate.rerun=changed to retrain "
                + "exactly these runs (each old run directory kept as <run>.replaced-<n>), or choose another ablate.name");
    }

    private static String names(List<String> labels) {
        return labels.size() <= NAMED ? String.join(", ", labels)
                : String.join(", ", labels.subList(0, NAMED - 1)) + " and " + (labels.size() - NAMED + 1) + " more";
    }

    /**
     * Moves the directory of each changed run aside, to the first free {@code <run>.replaced-<n>}, so that the
     * sweep trains it from scratch; logs one line for each.
     */
    static void replace(List<Changed> changed) throws IOException {
        for (Changed c : changed) {
            Path dir = c.run().dir();
            Path aside = dir;
            for (int n = 1; Files.exists(aside); n++) {
                aside = dir.resolveSibling(dir.getFileName() + ".replaced-" + n);
            }
            Files.move(dir, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("ablate.rerun=changed: retraining {} from scratch ({}: {}); its old directory is now {}", c.run().label(),
                    c.state(), String.join(", ", c.differences()), aside);
        }
    }

    /**
     * The runs to launch: {@code runs}, except that a resumable run keeps the checkpoint keys recorded in its
     * {@code config.properties} (a run resumes only its own configuration, and these keys do not change results).
     */
    static List<PlannedRun> keepCheckpointKeys(List<PlannedRun> runs) {
        List<PlannedRun> out = new ArrayList<>();
        for (PlannedRun r : runs) {
            Path file = r.dir().resolve("config.properties");
            if (r.complete() || !r.resumable() || !Files.isRegularFile(file)) {
                out.add(r);
                continue;
            }
            Map<String, String> recorded = new ConfigLoader().load(file, List.of());
            SortedMap<String, String> config = new TreeMap<>(r.config());
            boolean changed = false;
            for (String k : List.of("run.checkpoint_every", "run.keep_checkpoints")) {
                String v = recorded.get(k);
                if (v != null && !v.equals(config.get(k))) {
                    config.put(k, v);
                    changed = true;
                }
            }
            out.add(changed ? new PlannedRun(r.variant(), r.seed(), config, r.dir()) : r);
        }
        return out;
    }
}
