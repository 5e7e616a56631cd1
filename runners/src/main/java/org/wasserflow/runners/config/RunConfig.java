package org.wasserflow.runners.config;

import java.nio.file.Path;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * What to run and where: the plugin selections ({@link #SELECTIONS}), the {@code run.*} keys ({@link #RUN})
 * and the plugins directory ({@link #PLUGINS}).
 *
 * @param experiment the benchmark's name
 * @param loss the transport loss's name
 * @param potential the potential estimator's name
 * @param generator the generator's name
 * @param integrator the integrator's name
 * @param seed seeds every random stream of the run
 * @param iterations training iterations
 * @param logEvery evaluate and log every this many iterations
 * @param outDir parent directory of run directories
 * @param name the run directory's name, empty for {@code <experiment>-<loss>-<time>}
 */
public record RunConfig(String experiment, String loss, String potential, String generator, String integrator, long seed,
        int iterations, int logEvery, Path outDir, String name) {

    public static final Setting<String> EXPERIMENT = Setting.text("experiment", "ring").describe("the benchmark: source, data and metrics");
    public static final Setting<String> LOSS = Setting.text("loss", "w2").describe("the transport loss whose gradient flow is simulated");
    public static final Setting<String> POTENTIAL = Setting.text("potential", "neural-dual").describe("the potential estimator");
    public static final Setting<String> GENERATOR = Setting.text("generator", "mlp").describe("the generator");
    public static final Setting<String> INTEGRATOR = Setting.text("integrator", "euler").describe("the time stepper of the flow");
    /** The plugin selections; their valid values are the registered names ({@code wasserflow help}). */
    public static final SettingGroup SELECTIONS = SettingGroup.of("", "plugin selections", EXPERIMENT, LOSS, POTENTIAL, GENERATOR,
            INTEGRATOR);

    public static final Setting<Long> SEED = Setting.longInteger("run.seed", 1).describe("seeds every random stream of the run");
    public static final Setting<Integer> ITERATIONS = Setting.integer("run.iterations", 1200).atLeast(0)
            .describe("training iterations");
    public static final Setting<Integer> LOG_EVERY = Setting.integer("run.log_every", 100).atLeast(1)
            .describe("evaluate and log every this many iterations (and at the last)");
    public static final Setting<String> OUT = Setting.text("run.out", "runs").describe("parent directory of run directories");
    public static final Setting<String> NAME = Setting.text("run.name", "")
            .constrain(n -> !n.contains("/") && !n.contains(".."), "a plain directory name")
            .describe("the run directory's name; empty for <experiment>-<loss>-<time>");
    /** The {@code run.*} keys. */
    public static final SettingGroup RUN = SettingGroup.of("run", "the run: seed, budget, output", SEED, ITERATIONS, LOG_EVERY, OUT,
            NAME);

    public static final Setting<String> PLUGINS_DIR = Setting.text("plugins.dir", "")
            .describe("directory of plugin jars (or folders of jars) to load; empty for none");
    /** The plugins directory. */
    public static final SettingGroup PLUGINS = SettingGroup.of("plugins", "plugins loaded from outside the class path", PLUGINS_DIR);

    /** Reads the selections and {@code run.*} keys. */
    public static RunConfig from(Settings s) {
        return new RunConfig(s.get(EXPERIMENT), s.get(LOSS), s.get(POTENTIAL), s.get(GENERATOR), s.get(INTEGRATOR), s.get(SEED),
                s.get(ITERATIONS), s.get(LOG_EVERY), Path.of(s.get(OUT)), s.get(NAME));
    }

    /** The selections in one line, for messages and logs. */
    public String selection() {
        return "experiment=" + experiment + ", loss=" + loss + ", potential=" + potential + ", generator=" + generator
                + ", integrator=" + integrator;
    }
}
