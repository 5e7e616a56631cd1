package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.checkpoint.CheckpointStore;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * A run directory's components, restored from one of its checkpoints: the newest intact one (a corrupted newest
 * checkpoint is passed over, with a warning), the best one ({@code best}, see {@code run.keep_best}), or the one
 * named by its directory ({@code it-000000400}) or its iteration ({@code 400}).
 *
 * @param components the run's components in the checkpoint's state
 * @param checkpoint the checkpoint restored
 */
record TrainedRun(Components components, CheckpointStore.Checkpoint checkpoint) {

    private static final Logger LOG = LoggerFactory.getLogger(TrainedRun.class);

    /**
     * @param dir the run directory
     * @param which the checkpoint: empty for the newest intact one, {@code best}, an iteration or a directory name
     */
    static TrainedRun open(Path dir, String which, ClassLoader plugins) throws IOException {
        if (dir == null || !Files.isRegularFile(dir.resolve("config.properties"))) {
            throw new ConfigException("run directory", String.valueOf(dir), "a run directory written by wasserflow run, holding config.properties");
        }
        Components c = Components.build(new ConfigLoader().load(dir.resolve("config.properties"), List.of()), plugins, List.of());
        CheckpointStore store = new CheckpointStore(dir, c.run().keepCheckpoints());
        CheckpointStore.Checkpoint checkpoint;
        if (which.isEmpty()) {
            checkpoint = store.readNewest(c.plan().resolved(), LOG::warn);
        } else {
            List<Path> all = new ArrayList<>(store.list());
            store.best().ifPresent(all::add);
            String name = which.matches("\\d{1,18}") ? String.format("it-%09d", Long.parseLong(which)) : which;
            Path chosen = which.equals("best") ? store.best().orElse(null)
                    : all.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElse(null);
            if (chosen == null) {
                List<String> valid = new ArrayList<>(all.stream().map(p -> p.getFileName().toString()).toList());
                if (store.best().isPresent()) {
                    valid.add("best");
                }
                throw new ConfigException("checkpoint", which, "one of " + valid + " in " + dir
                        + " (an iteration or directory name, best, or empty for the newest)");
            }
            checkpoint = CheckpointStore.read(chosen, c.plan().resolved());
        }
        c.trainer().restore(checkpoint.arrays());
        return new TrainedRun(c, checkpoint);
    }
}
