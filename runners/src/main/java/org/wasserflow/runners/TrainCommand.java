package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.Components;
import org.wasserflow.runners.report.MetricsCsv;
import org.wasserflow.runners.report.Provenance;
import org.wasserflow.runners.report.SamplePlot;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code run} command: trains with the resolved configuration ({@link TrainingRun}) and writes the run
 * directory: {@code config.properties}, {@code metrics.csv}, {@code checkpoints/}, {@code samples.png} (for image laws
 * also {@code pairs.png} and {@code grids/}, {@link SamplePlot}) and {@code provenance.properties}. The run directory is created atomically and locked ({@link RunLock}) for the
 * run. An existing one that an interrupted run of the same configuration left with a checkpoint is resumed
 * ({@link ResumeCommand}); one it left before its first checkpoint is started again ({@link RunDirectory}); any
 * other non-empty one is refused in one line. A bad {@code run.keep_best}, found at the first evaluation, removes
 * the directory this command created.
 */
public final class TrainCommand {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    private final Map<String, String> values;
    private final ClassLoader plugins;
    private final String commandLine;

    /**
     * @param values the configuration, key to text, as {@link org.wasserflow.flow.config.ConfigLoader} resolves it
     * @param plugins the class loader of the built-in plugins
     * @param commandLine recorded in the provenance
     */
    public TrainCommand(Map<String, String> values, ClassLoader plugins, String commandLine) {
        this.values = Map.copyOf(values);
        this.plugins = plugins;
        this.commandLine = commandLine;
    }

    /** Runs to completion and returns the final metrics; a run stopped early throws {@link RunStopped}. */
    public Map<String, Double> execute() throws IOException {
        Components c = Components.build(values, plugins, List.of());
        String name = c.run().name().isEmpty()
                ? c.run().data() + "-" + c.run().loss() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
                : c.run().name();
        Path dir = c.run().outDir().resolve(name);
        Files.createDirectories(c.run().outDir());
        boolean created;
        try {
            Files.createDirectory(dir);
            created = true;
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("run.name", name, "a name not taken by a file in " + c.run().outDir());
            }
            created = false;
        }
        try (RunLock lock = RunLock.acquire(dir, commandLine)) {
            if (!created && ResumeCommand.resumable(dir, c.plan().resolved())) {
                LOG.info("run directory {} holds a checkpoint of this configuration: resuming it", dir);
                return new ResumeCommand(dir, plugins, commandLine).executeLocked();
            }
            if (!created) {
                new RunDirectory(dir).requireRestartable(c.plan().resolved());
            }
            return train(c, dir, created);
        }
    }

    /** Trains into {@code dir}; a bad {@code run.keep_best} removes it if this command {@code created} it. */
    private Map<String, Double> train(Components c, Path dir, boolean created) throws IOException {
        Provenance.writeConfig(dir, c.plan().resolved());
        LOG.info("run directory {}", dir);
        LOG.info("{}; update={}, K={}, eps={}, batch={}, {} iterations, seed {}", c.run().selection(), c.flow().update().key(),
                c.flow().k(), c.flow().eps(), c.flow().batch(), c.run().iterations(), c.run().seed());
        TrainingRun run = new TrainingRun(c, dir, commandLine);
        TrainingRun.Start start = new TrainingRun.Start(0, new long[0], Instant.now().toString());
        try (MetricsCsv csv = new MetricsCsv(dir.resolve("metrics.csv"))) {
            Map<String, Double> first = run.log(csv, 0, 0, System.nanoTime(), Map.of());
            try {
                run.checkBest(first);
            } catch (ConfigException e) {
                csv.close();
                if (created) {
                    RunDirectory.delete(dir);
                }
                throw e;
            }
            return run.train(start, csv, first);
        }
    }
}
