package org.wasserflow.runners.config;

import java.nio.file.Path;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * What to run and where, read from the top-level selections and the {@code run.*} keys.
 *
 * @param experiment {@code experiment}: the data and metrics, default {@code ring}
 * @param loss {@code loss}: the transport loss, default {@code w2}
 * @param potential {@code potential}: the potential estimator, default {@code neural-dual}
 * @param generator {@code generator}: default {@code mlp}
 * @param integrator {@code integrator}: default {@code euler}
 * @param seed {@code run.seed}: seeds every random stream of the run, default 1
 * @param iterations {@code run.iterations}: training iterations, default 1200
 * @param logEvery {@code run.log_every}: evaluate and log every this many iterations, default 100
 * @param outDir {@code run.out}: parent directory of run directories, default {@code runs}
 * @param name {@code run.name}: the run directory's name, default {@code <experiment>-<loss>-<time>}
 */
public record RunConfig(String experiment, String loss, String potential, String generator, String integrator, long seed,
        int iterations, int logEvery, Path outDir, String name) {

    public RunConfig {
        ConfigException.require(iterations >= 0, "run.iterations", iterations, "an integer >= 0");
        ConfigException.require(logEvery >= 1, "run.log_every", logEvery, "an integer >= 1");
        ConfigException.require(!name.contains("/") && !name.contains(".."), "run.name", name, "a plain directory name");
    }

    /** Reads and validates the selections and {@code run.*} keys. */
    public static RunConfig from(Settings s) {
        return new RunConfig(s.getString("experiment", "ring"), s.getString("loss", "w2"), s.getString("potential", "neural-dual"),
                s.getString("generator", "mlp"), s.getString("integrator", "euler"), s.getLong("run.seed", 1),
                s.getInt("run.iterations", 1200), s.getInt("run.log_every", 100), Path.of(s.getString("run.out", "runs")),
                s.getString("run.name", ""));
    }

    /** The selections in one line, for messages and logs. */
    public String selection() {
        return "experiment=" + experiment + ", loss=" + loss + ", potential=" + potential + ", generator=" + generator
                + ", integrator=" + integrator;
    }
}
