package org.wasserflow.runners;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wasserflow.api.ConfigException;
import org.wasserflow.runners.ablate.AblateCommand;
import org.wasserflow.runners.ablate.ChildRuns;
import org.wasserflow.runners.ablate.ReportCommand;
import org.wasserflow.runners.w2bench.W2BenchCommand;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * The command line: {@code wasserflow <run|resume|sample|transport|evaluate|bench|w2bench|ablate|report|help> [experiment-file or run directory]
 * [key=value ...] [--stacktrace]},
 * {@code wasserflow ablate ... --detach} (a Slurm sweep: submit and return) and {@code wasserflow report <sweep-dir>}.
 * Exit status 0 on success, 2 for a bad command line or configuration (one line naming the key, the
 * value and what is valid), 3 for a run that diverged, 130 / 143 for a run interrupted by SIGINT / SIGTERM
 * (checkpoint written), 1 for any other failure. Stack traces only with {@code --stacktrace}.
 */
public final class Main {

    private static final String USAGE = String.join("\n",
            "usage: wasserflow <command> [experiment-file or run directory] [key=value ...] [--stacktrace]",
            "commands:",
            "  run     train and evaluate; writes a run directory under run.out",
            "  bench   time training iterations, the exact assignment and Sinkhorn",
            "  ablate  run a grid of variants over seeds (key=v1,v2 is an axis, seeds=N) and write a report;",
            "          ablate.launcher=slurm runs it as a Slurm job array, --detach submits it and returns",
            "  report  (re)build the report of a sweep directory: wasserflow report <sweep-dir> [ablate.rank=w2] [ablate.table_at=100,300] [ablate.target=w2<=0.2]",
            "  resume  continue a run directory from its newest checkpoint: wasserflow resume <run-dir>",
            "  sample  write generated points of a run: wasserflow sample <run-dir> n=10000 out=samples.npy [checkpoint=400]",
            "  transport  push given points through a run's generator: wasserflow transport <run-dir> in=x.npy out=y.npy",
            "  evaluate   score any samples against a data law with the run's metrics and floors:",
            "          wasserflow evaluate samples.npy data=<law> [data.path=...] metrics=w2,sliced-w2 out=scores.csv",
            "  w2bench score potential estimators against a known optimal map: wasserflow w2bench <dir> potential=a,b out=<dir>",
            "  help    list the plugins; help <kind> <name> prints a plugin's keys (help potential sinkhorn)",
            "examples: wasserflow run configs/ring-w2.properties flow.K=1 run.seed=7",
            "          wasserflow ablate configs/ring-w1.properties K=1,3,5 flow.update=targets,gan seeds=3 ablate.parallel=2");

    private Main() {
    }

    public static void main(String[] args) {
        ChildRuns.watchParent();
        System.exit(run(args, System.err));
    }

    /** Runs a command line, printing to standard output and {@code err}, and returns the exit status. */
    static int run(String[] args, PrintStream err) {
        return run(args, System.out, err);
    }

    /** Runs a command line and returns the exit status; {@code help} prints to {@code out}, errors go to {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean stacktrace = List.of(args).contains("--stacktrace");
        boolean detach = List.of(args).contains("--detach");
        try {
            if (args.length == 0) {
                err.println(USAGE);
                return 2;
            }
            if (args[0].equals("help") || args[0].equals("--help")) {
                List<String> topic = new ArrayList<>();
                List<String> overrides = new ArrayList<>();
                for (int i = 1; i < args.length; i++) {
                    (args[i].contains("=") ? overrides : topic).add(args[i]);
                }
                topic.remove("--stacktrace");
                new HelpCommand(topic, new ConfigLoader().load(null, overrides), Main.class.getClassLoader()).print(out, USAGE);
                return 0;
            }
            String command = args[0];
            Path file = null;
            List<String> overrides = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--stacktrace") || a.equals("--detach") && command.equals("ablate")) {
                    continue;
                }
                if (a.contains("=")) {
                    overrides.add(a);
                } else if (file == null && !a.startsWith("-")) {
                    file = Path.of(a);
                } else {
                    throw new ConfigException("argument", a, "one experiment file, then key=value overrides");
                }
            }
            ClassLoader plugins = Main.class.getClassLoader();
            if (command.equals("ablate")) {
                new AblateCommand(file, overrides, plugins, detach).execute();
                return 0;
            }
            if (command.equals("report")) {
                new ReportCommand(file, overrides).execute();
                return 0;
            }
            if (command.equals("resume")) {
                if (!overrides.isEmpty()) {
                    throw new ConfigException("argument", overrides.get(0), "wasserflow resume <run-dir>, without key=value");
                }
                new ResumeCommand(file, plugins, String.join(" ", args)).execute();
                return 0;
            }
            if (command.equals("w2bench")) {
                new W2BenchCommand(file, new ConfigLoader().load(null, overrides), plugins).execute();
                return 0;
            }
            if (command.equals("sample") || command.equals("transport")) {
                java.util.Map<String, String> own = new ConfigLoader().load(null, overrides);
                if (command.equals("sample")) {
                    new SampleCommand(file, own, plugins).execute();
                } else {
                    new TransportCommand(file, own, plugins).execute();
                }
                return 0;
            }
            if (command.equals("evaluate")) {
                new EvaluateCommand(file, new ConfigLoader().load(null, overrides), plugins, out).execute();
                return 0;
            }
            java.util.Map<String, String> values = new ConfigLoader().load(file, overrides);
            switch (command) {
                case "run" -> new TrainCommand(values, plugins, String.join(" ", args)).execute();
                case "bench" -> new BenchCommand(values, plugins, out).execute();
                default -> throw new ConfigException("command", command, "one of [run, resume, sample, transport, evaluate, bench, w2bench, ablate, report, help]");
            }
            return 0;
        } catch (RunStopped e) {
            err.println("wasserflow: " + e.getMessage());
            return e.status();
        } catch (ConfigException e) {
            err.println("wasserflow: " + e.getMessage());
            if (stacktrace) {
                e.printStackTrace(err);
            }
            return 2;
        } catch (Exception | Error e) {
            err.println("wasserflow: failed: " + e + (stacktrace ? "" : " (run with --stacktrace for details)"));
            if (stacktrace) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }
}
