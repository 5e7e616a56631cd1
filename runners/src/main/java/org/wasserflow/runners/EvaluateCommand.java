package org.wasserflow.runners;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Law;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.Capabilities;
import org.wasserflow.flow.Memory;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.flow.plugin.PluginCatalogue;
import org.wasserflow.flow.plugin.PluginRegistry;
import org.wasserflow.flow.problem.EvaluationConfig;
import org.wasserflow.flow.problem.Problem;
import org.wasserflow.runners.report.MetricsCsv;

/**
 * The {@code evaluate} command: {@code wasserflow evaluate <samples.npy|.csv> data=<law> [data.*=...]
 * metrics=a,b,... out=scores.csv} scores points from any tool against a data law with the run's metrics, on the
 * evaluation sets a run of the same {@code run.seed}, data keys and {@code eval.*} sizes draws: the samples file
 * (read by the {@code npy} or {@code csv} law, so their checks apply) stands for the generated set, the data and
 * reference sets come from the data law as in a run ({@link Problem}), so the columns and floors are those of that
 * run's {@code metrics.csv}. {@code eval.source_size} rows of the samples file are scored (all of them unless it is
 * set; a set size takes a random subset, without replacement) and the reference set has as many points. Prints the
 * columns in a run's log format and the verdict, and writes {@code out}: one header line and one row. A samples
 * file whose dimension is not the data's is refused in one line before anything is computed.
 */
public final class EvaluateCommand {

    public static final Setting<String> OUT = Setting.text("out", "scores.csv")
            .constrain(v -> v.endsWith(".csv"), "a file name ending in .csv").describe("the CSV file to write the scores to");
    /** The command's own keys. */
    public static final SettingGroup GROUP = SettingGroup.of("",
            "wasserflow evaluate <samples.npy|.csv>; it also reads data, data.*, eval_data, metrics, run.seed and eval.* as a run does", OUT);

    private final Path samples;
    private final Map<String, String> values;
    private final ClassLoader plugins;
    private final PrintStream out;

    /**
     * @param samples the {@code .npy} or {@code .csv} file of points to score, one per row
     * @param values the configuration: the data law and its keys, the metrics, {@code run.seed}, {@code eval.*}, {@code out}
     * @param plugins the class loader of the built-in plugins
     * @param out where the scores are printed
     */
    public EvaluateCommand(Path samples, Map<String, String> values, ClassLoader plugins, PrintStream out) {
        this.samples = samples;
        this.values = Map.copyOf(values);
        this.plugins = plugins;
        this.out = out;
    }

    /** Scores the samples, prints and writes the columns, and returns them. */
    public Map<String, Double> execute() throws IOException {
        ConfigException.require(samples != null && (samples.toString().endsWith(".npy") || samples.toString().endsWith(".csv")),
                "samples", samples == null ? "" : samples, "a .npy or .csv file of points, one per row: wasserflow evaluate <samples> data=<law> metrics=... out=...");
        RunPlan plan = RunPlan.of(values, plugins, List.of(GROUP));
        Seed seed = new Seed(plan.run().seed());
        PluginRegistry registry = PluginRegistry.wire(plan.sources(), seed);
        Law points = readSamples(plan, registry);
        Law data = registry.create(PluginKind.LAW, plan.plugin("data"), plan.view("data", plan.plugin("data")), null);
        if (points.dimension() != data.dimension()) {
            throw new ConfigException("samples", samples + " holds points of dimension " + points.dimension() + ", but data '" + plan.plugin("data").name()
                    + "' has dimension " + data.dimension() + ": score samples of the data's dimension");
        }
        Law evalData = plan.selected().containsKey("eval_data")
                ? registry.create(PluginKind.LAW, plan.plugin("eval_data"), plan.view("eval_data", plan.plugin("eval_data")), null) : data;
        Problem.Laws laws = new Problem.Laws(points, data, evalData);
        EvaluationConfig sizes = sizes(plan, points);
        int dataSize = sizes.dataSize() == 0 ? evalData.size().orElse(2000) : sizes.dataSize();
        RunShape shape = Memory.shape(plan, data.dimension(), sizes.sourceSize(), dataSize);
        Capabilities.check(plan, laws, shape);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (PluginCatalogue.Entry e : plan.metrics()) {
            metrics.put(e.plugin().name(), registry.create(PluginKind.METRIC, e.plugin(), plan.view("metrics", e.plugin()), null, null, shape));
        }
        Problem problem = new Problem(laws, metrics, sizes, seed);
        Map<String, Double> scores = problem.evaluate(new Identity());
        Path file = Path.of(plan.view(List.of(GROUP)).get(OUT));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (MetricsCsv csv = new MetricsCsv(file)) {
            csv.append(new LinkedHashMap<>(scores));
        }
        int[] n = problem.evaluationSizes();
        out.printf(Locale.ROOT, "%s: %d points of dimension %d against %s (%d data and %d reference points, seed %d)%n", samples, n[0],
                data.dimension(), plan.plugin(plan.selected().containsKey("eval_data") ? "eval_data" : "data").name(), n[1], n[0],
                plan.run().seed());
        StringBuilder line = new StringBuilder();
        scores.forEach((k, v) -> line.append(line.length() == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%s %.4f", k, v)));
        out.println(line);
        out.println("verdict: " + problem.verdict(scores));
        out.println("written to " + file);
        return scores;
    }

    /** The samples file as a finite law, read by the {@code npy} or {@code csv} law plugin under the prefix {@code samples}. */
    private Law readSamples(RunPlan plan, PluginRegistry registry) {
        Plugin reader = plan.catalogue().select(PluginKind.LAW, samples.toString().endsWith(".npy") ? "npy" : "csv", null, "samples").plugin();
        return registry.create(PluginKind.LAW, reader, Settings.rebased(Map.of("samples.path", samples.toString()), reader.settings(),
                Law.PREFIX, "samples"), null);
    }

    /** The evaluation sizes: {@code eval.source_size} rows of the samples (all unless set, at most all), the data's as in a run. */
    private EvaluationConfig sizes(RunPlan plan, Law points) {
        EvaluationConfig configured = EvaluationConfig.from(plan.view(List.of(EvaluationConfig.GROUP)));
        int rows = points.size().orElseThrow();
        int source = values.containsKey(EvaluationConfig.SOURCE_SIZE.key()) && configured.sourceSize() > 0 ? configured.sourceSize() : rows;
        ConfigException.require(source <= rows, EvaluationConfig.SOURCE_SIZE.key(), source, "at most the " + rows + " rows of " + samples
                + " (0 for all of them)");
        return new EvaluationConfig(source, configured.dataSize());
    }

    /** The samples stand for the generated points: the "generator" returns its input. */
    private static final class Identity implements Generator {

        @Override
        public INDArray generate(INDArray source) {
            return source.dup();
        }

        @Override
        public double regress(INDArray source, INDArray target) {
            throw new UnsupportedOperationException("samples are not trained");
        }
    }
}
