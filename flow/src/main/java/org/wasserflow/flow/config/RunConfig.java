package org.wasserflow.flow.config;

import java.nio.file.Path;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * What to run and where: the plugin selections ({@link #SELECTIONS}), the {@code run.*} keys ({@link #RUN})
 * and the plugins directory ({@link #PLUGINS}).
 *
 * @param source the source law's name
 * @param data the data law's name
 * @param evalData the evaluation data law's name, empty for the data law
 * @param metrics the metrics' names, in column order
 * @param loss the transport loss's name
 * @param potential the potential estimator's name
 * @param generator the generator's name
 * @param integrator the integrator's name
 * @param seed seeds every random stream of the run
 * @param iterations training iterations
 * @param logEvery evaluate and log every this many iterations
 * @param outDir parent directory of run directories
 * @param name the run directory's name, empty for {@code <data>-<loss>-<time>}
 * @param checkpointEvery iterations between checkpoints, 0 for none
 * @param keepCheckpoints how many checkpoints to keep
 * @param keepBest the metric column whose best value's checkpoint is kept, empty for the first column, {@code none}
 *     for no best checkpoint
 */
public record RunConfig(String source, String data, String evalData, java.util.List<String> metrics, String loss, String potential,
        String generator, String integrator, long seed, int iterations, int logEvery, Path outDir, String name, int checkpointEvery,
        int keepCheckpoints, String keepBest) {

    public static final Setting<String> SOURCE = Setting.text("source", "gaussian").describe("the source law the generator pushes forward (source.*)");
    public static final Setting<String> DATA = Setting.text("data", "gaussian-mixture").describe("the data law the generator is trained towards (data.*)");
    public static final Setting<String> EVAL_DATA = Setting.text("eval_data", "")
            .describe("the law of the evaluation data (eval_data.*), e.g. a test split; empty for the data law");
    public static final Setting<String> METRICS = Setting.text("metrics", "w2,w1,energy,modes,mode-stats")
            .constrain(v -> v.matches("\\s*[a-z0-9-]+(\\s*,\\s*[a-z0-9-]+)*\\s*"), "a comma-separated list of metric names")
            .describe("the metrics evaluated every run.log_every iterations, in column order");
    public static final Setting<String> LOSS = Setting.text("loss", "w2").describe("the transport loss whose gradient flow is simulated");
    public static final Setting<String> POTENTIAL = Setting.text("potential", "neural-dual").describe("the potential estimator");
    public static final Setting<String> GENERATOR = Setting.text("generator", "mlp").describe("the generator");
    public static final Setting<String> INTEGRATOR = Setting.text("integrator", "euler").describe("the time stepper of the flow");
    /** The plugin selections; their valid values are the registered names ({@code wasserflow help}). */
    public static final SettingGroup SELECTIONS = SettingGroup.of("", "plugin selections", SOURCE, DATA, EVAL_DATA, METRICS, LOSS, POTENTIAL, GENERATOR,
            INTEGRATOR);

    public static final Setting<Long> SEED = Setting.longInteger("run.seed", 1).describe("seeds every random stream of the run");
    public static final Setting<Integer> ITERATIONS = Setting.integer("run.iterations", 1200).atLeast(0)
            .describe("training iterations");
    public static final Setting<Integer> LOG_EVERY = Setting.integer("run.log_every", 100).atLeast(1)
            .describe("evaluate and log every this many iterations (and at the last)");
    public static final Setting<String> OUT = Setting.text("run.out", "runs").describe("parent directory of run directories");
    public static final Setting<String> NAME = Setting.text("run.name", "")
            .constrain(n -> !n.contains("/") && !n.contains(".."), "a plain directory name")
            .describe("the run directory's name; empty for <data>-<loss>-<time>");
    public static final Setting<Integer> CHECKPOINT_EVERY = Setting.integer("run.checkpoint_every", 100).atLeast(0)
            .describe("write a checkpoint every this many iterations and at the end; 0 for none");
    public static final Setting<Integer> KEEP_CHECKPOINTS = Setting.integer("run.keep_checkpoints", 2).atLeast(1)
            .describe("how many of the newest checkpoints to keep");
    public static final Setting<String> KEEP_BEST = Setting.text("run.keep_best", "")
            .constrain(v -> v.isEmpty() || v.matches("[A-Za-z0-9_-]+"), "a metric column's name, none, or empty for the first metric column")
            .describe("keep the checkpoint of the best value of this metric column (at evaluations) beside the newest ones, as "
                    + "checkpoints/best-it-<iteration>; empty for the first metric column, none for no best checkpoint");
    /** The {@code run.*} keys. */
    public static final SettingGroup RUN = SettingGroup.of("run", "the run: seed, budget, output, checkpoints", SEED, ITERATIONS,
            LOG_EVERY, OUT, NAME, CHECKPOINT_EVERY, KEEP_CHECKPOINTS, KEEP_BEST);

    public static final Setting<String> PLUGINS_DIR = Setting.text("plugins.dir", "")
            .describe("directory of plugin jars (or folders of jars) to load; empty for none");
    /** The plugins directory. */
    public static final SettingGroup PLUGINS = SettingGroup.of("plugins", "plugins loaded from outside the class path", PLUGINS_DIR);

    /** Reads the selections and {@code run.*} keys. */
    public static RunConfig from(Settings s) {
        return new RunConfig(s.get(SOURCE), s.get(DATA), s.get(EVAL_DATA),
                java.util.Arrays.stream(s.get(METRICS).split(",")).map(String::trim).toList(), s.get(LOSS), s.get(POTENTIAL), s.get(GENERATOR), s.get(INTEGRATOR), s.get(SEED),
                s.get(ITERATIONS), s.get(LOG_EVERY), Path.of(s.get(OUT)), s.get(NAME), s.get(CHECKPOINT_EVERY), s.get(KEEP_CHECKPOINTS),
                s.get(KEEP_BEST));
    }

    /** The selections in one line, for messages and logs. */
    public String selection() {
        return "source=" + source + ", data=" + data + (evalData.isEmpty() ? "" : ", eval_data=" + evalData) + ", metrics="
                + String.join(",", metrics) + ", loss=" + loss + ", potential=" + potential + ", generator=" + generator
                + ", integrator=" + integrator;
    }
}
