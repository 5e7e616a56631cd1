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
 * The {@code run} command: trains with the resolved configuration, evaluating every {@code run.log_every}
 * iterations, and writes the run directory: {@code config.properties}, {@code metrics.csv},
 * {@code samples.png} and {@code provenance.properties}.
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

    /** Runs to completion and returns the final metrics. */
    public Map<String, Double> execute() throws IOException {
        Components c = Components.build(values, plugins, List.of());
        Path dir = runDirectory(c);
        Provenance.writeConfig(dir, c.plan().resolved());
        LOG.info("run directory {}", dir);
        LOG.info("{}; update={}, K={}, eps={}, batch={}, {} iterations, seed {}", c.run().selection(), c.flow().update().key(),
                c.flow().k(), c.flow().eps(),
                c.flow().batch(), c.run().iterations(), c.run().seed());
        String started = Instant.now().toString();
        long start = System.nanoTime();
        long trainNanos = 0;
        long[] iterationNanos = new long[c.run().iterations()];
        Map<String, Double> last;
        try (MetricsCsv csv = new MetricsCsv(dir.resolve("metrics.csv"))) {
            Map<String, Double> diagnostics = Map.of();
            last = log(csv, c, 0, 0, start, diagnostics);
            for (int it = 1; it <= c.run().iterations(); it++) {
                long t0 = System.nanoTime();
                diagnostics = c.trainer().iterate();
                iterationNanos[it - 1] = System.nanoTime() - t0;
                trainNanos += iterationNanos[it - 1];
                if (it % c.run().logEvery() == 0 || it == c.run().iterations()) {
                    last = log(csv, c, it, trainNanos, start, diagnostics);
                }
            }
        }
        INDArray source = c.problem().evaluationSource().points();
        SamplePlot.write(dir.resolve("samples.png"), c.run().data() + ": generated vs data", c.problem().evaluationData().points(),
                c.generator().generate(source), source);
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("run.seed", String.valueOf(c.run().seed()));
        prov.put("command", commandLine);
        prov.put("plugins", String.join(", ", c.plan().pluginJars()));
        prov.putAll(c.problem().provenance());
        prov.put("time.started", started);
        prov.put("time.finished", Instant.now().toString());
        prov.put("timing.total_s", seconds(System.nanoTime() - start));
        prov.put("timing.train_s", seconds(trainNanos));
        prov.put("timing.median_iteration_s", seconds(median(iterationNanos)));
        last.forEach((k, v) -> prov.put("final." + k, String.valueOf(v)));
        Provenance.writeProvenance(dir, prov);
        LOG.info("done in {} s (training {} s); results in {}", seconds(System.nanoTime() - start), seconds(trainNanos), dir);
        return last;
    }

    private Map<String, Double> log(MetricsCsv csv, Components c, int it, long trainNanos, long start,
            Map<String, Double> diagnostics) throws IOException {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("iteration", (double) it);
        row.put("train_s", trainNanos / 1e9);
        Map<String, Double> metrics = c.problem().evaluate(c.generator());
        row.put("elapsed_s", (System.nanoTime() - start) / 1e9);
        row.putAll(metrics);
        c.trainer().diagnostics().forEach(name -> row.put(name, diagnostics.getOrDefault(name, Double.NaN)));
        csv.append(row);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "it %6d  train %7.1fs", it, trainNanos / 1e9));
        metrics.forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", k, v)));
        LOG.info(line.toString());
        return metrics;
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

    private static long median(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
