package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.checkpoint.CheckpointStore;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.report.MetricsCsv;
import org.wasserflow.runners.report.Provenance;

/**
 * The {@code resume} command: continues a run directory from its newest checkpoint, with the configuration the
 * run resolved ({@code config.properties}), appending to its {@code metrics.csv} (rows logged after the
 * checkpoint are dropped first). The resumed run's metrics equal an uninterrupted run's in every non-timing
 * column, bit for bit. The run directory is locked ({@link RunLock}) while it runs, and orphaned temporary
 * checkpoint directories are removed. A corrupted newest checkpoint is passed over for the previous intact one,
 * with a warning; a checkpoint of another configuration or SPI version, or no intact checkpoint, is refused in
 * one line. A completed run is left as it is: its final metrics are returned.
 */
public final class ResumeCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeCommand.class);

    private final Path dir;
    private final ClassLoader plugins;
    private final String commandLine;

    /**
     * @param dir the run directory
     * @param plugins the class loader of the built-in plugins
     * @param commandLine recorded in the provenance
     */
    public ResumeCommand(Path dir, ClassLoader plugins, String commandLine) {
        this.dir = dir;
        this.plugins = plugins;
        this.commandLine = commandLine;
    }

    /**
     * Whether {@code dir} holds an unfinished run of exactly this resolved configuration with a checkpoint to
     * continue from.
     */
    static boolean resumable(Path dir, java.util.SortedMap<String, String> resolved) throws IOException {
        Path config = dir.resolve("config.properties");
        if (!Files.isRegularFile(config) || new CheckpointStore(dir, 1).latest().isEmpty()) {
            return false;
        }
        if (Provenance.completed(dir)) {
            return false;
        }
        java.util.SortedMap<String, String> saved = new java.util.TreeMap<>(new ConfigLoader().load(config, List.of()));
        return saved.equals(resolved);
    }

    /** Continues to the end of the budget and returns the final metrics; a run stopped again throws {@link RunStopped}. */
    public Map<String, Double> execute() throws IOException {
        if (dir == null || !Files.isRegularFile(dir.resolve("config.properties"))) {
            throw new ConfigException("run directory", String.valueOf(dir), "a run directory written by wasserflow run, holding config.properties");
        }
        try (RunLock lock = RunLock.acquire(dir, commandLine)) {
            return executeLocked();
        }
    }

    /** {@link #execute}, the caller holding the run directory's lock. */
    Map<String, Double> executeLocked() throws IOException {
        if (Provenance.completed(dir)) {
            LOG.info("run {} is complete (status = completed in provenance.properties): nothing to resume, nothing changed", dir);
            return finalMetrics();
        }
        if (new CheckpointStore(dir, 1).list().isEmpty()) {
            throw new ConfigException("checkpoint", "run " + dir + " has no checkpoint to resume from (it was stopped before its first one); "
                    + "start it again with: wasserflow run " + dir.resolve("config.properties"));
        }
        TrainedRun restored = TrainedRun.open(dir, "", plugins);
        Components c = restored.components();
        CheckpointStore.Checkpoint checkpoint = restored.checkpoint();
        INDArray saved = checkpoint.arrays().get("run.iteration_ns");
        long[] nanos = saved == null ? new long[0] : saved.toLongVector();
        int iteration = (int) checkpoint.iteration();
        LOG.info("resuming {} from iteration {} ({})", dir, iteration, checkpoint.path().getFileName());
        TrainingRun run = new TrainingRun(c, dir, commandLine);
        try (MetricsCsv csv = MetricsCsv.resume(dir.resolve("metrics.csv"), iteration)) {
            return run.train(new TrainingRun.Start(iteration, nanos, checkpoint.manifest().getOrDefault("time.started", "")), csv, Map.of());
        }
    }

    /** The {@code final.*} entries of a completed run's provenance. */
    private Map<String, Double> finalMetrics() throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("provenance.properties"))) {
            int eq = line.indexOf(" = ");
            if (line.startsWith("final.") && eq > 0) {
                try {
                    out.put(line.substring("final.".length(), eq), Double.parseDouble(line.substring(eq + 3)));
                } catch (NumberFormatException e) {
                    out.put(line.substring("final.".length(), eq), Double.NaN);
                }
            }
        }
        return out;
    }
}
