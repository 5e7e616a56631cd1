package org.wasserflow.runners;

import java.io.IOException;
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
 * directory: {@code config.properties}, {@code metrics.csv}, {@code checkpoints/}, {@code samples.png} and
 * {@code provenance.properties}. A named run directory that an interrupted run of the same configuration left
 * with a checkpoint is resumed ({@link ResumeCommand}); any other non-empty one is refused.
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
        Path existing = c.run().outDir().resolve(c.run().name());
        if (!c.run().name().isEmpty() && ResumeCommand.resumable(existing, c.plan().resolved())) {
            LOG.info("run directory {} holds a checkpoint of this configuration: resuming it", existing);
            return new ResumeCommand(existing, plugins, commandLine).execute();
        }
        Path dir = runDirectory(c);
        Provenance.writeConfig(dir, c.plan().resolved());
        LOG.info("run directory {}", dir);
        LOG.info("{}; update={}, K={}, eps={}, batch={}, {} iterations, seed {}", c.run().selection(), c.flow().update().key(),
                c.flow().k(), c.flow().eps(), c.flow().batch(), c.run().iterations(), c.run().seed());
        TrainingRun run = new TrainingRun(c, dir, commandLine);
        TrainingRun.Start start = new TrainingRun.Start(0, new long[0], Instant.now().toString());
        try (MetricsCsv csv = new MetricsCsv(dir.resolve("metrics.csv"))) {
            Map<String, Double> first = run.log(csv, 0, 0, System.nanoTime(), Map.of());
            return run.train(start, csv, first);
        }
    }

    private Path runDirectory(Components c) throws IOException {
        String name = c.run().name().isEmpty()
                ? c.run().data() + "-" + c.run().loss() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
                : c.run().name();
        Path dir = c.run().outDir().resolve(name);
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new ConfigException("run.name", "run directory " + dir + " already exists and is not empty; choose another run.name");
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
