package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.checkpoint.CheckpointStore;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * A run directory's components, restored from one of its checkpoints: the newest, or the one named by its
 * directory ({@code it-000000400}) or its iteration ({@code 400}).
 *
 * @param components the run's components in the checkpoint's state
 * @param checkpoint the checkpoint restored
 */
record TrainedRun(Components components, CheckpointStore.Checkpoint checkpoint) {

    /**
     * @param dir the run directory
     * @param which the checkpoint: empty for the newest
     */
    static TrainedRun open(Path dir, String which, ClassLoader plugins) throws IOException {
        if (dir == null || !Files.isRegularFile(dir.resolve("config.properties"))) {
            throw new ConfigException("run directory", String.valueOf(dir), "a run directory written by wasserflow run, holding config.properties");
        }
        Components c = Components.build(new ConfigLoader().load(dir.resolve("config.properties"), List.of()), plugins, List.of());
        CheckpointStore store = new CheckpointStore(dir, c.run().keepCheckpoints());
        List<Path> all = store.list();
        Path chosen;
        if (which.isEmpty()) {
            chosen = store.latest().orElseThrow(() -> new ConfigException("checkpoint", dir + " has no checkpoint"));
        } else {
            String name = which.matches("\\d+") ? String.format("it-%09d", Long.parseLong(which)) : which;
            chosen = all.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow(() ->
                    new ConfigException("checkpoint", which, "one of " + all.stream().map(p -> p.getFileName().toString()).toList()));
        }
        CheckpointStore.Checkpoint checkpoint = CheckpointStore.read(chosen, c.plan().resolved());
        c.trainer().restore(checkpoint.arrays());
        return new TrainedRun(c, checkpoint);
    }
}
