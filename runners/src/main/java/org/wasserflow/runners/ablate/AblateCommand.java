package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.runners.report.SweepReport;

/**
 * The {@code ablate} command: runs every variant of a {@link SweepPlan} for every seed, at most
 * {@code ablate.parallel} at a time, each in its own JVM and run directory under
 * {@code <ablate.out>/<ablate.name>/}, then writes the sweep's report there. The runs go through the
 * {@link Launcher} that {@code ablate.launcher} names: JVMs on this machine ({@link LocalLauncher}) or one
 * Slurm job array ({@link SlurmLauncher}). Every run's configuration is checked against the declared settings
 * ({@link RunPlan}) before the first starts; nothing is constructed.
 * Rerunning the same command after an interruption keeps the runs that completed and redoes only the others.
 */
public final class AblateCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AblateCommand.class);

    private final Path file;
    private final List<String> args;
    private final ClassLoader plugins;
    private final boolean detach;

    public AblateCommand(Path file, List<String> args, ClassLoader plugins) {
        this(file, args, plugins, false);
    }

    /** With {@code detach}, a Slurm sweep returns once its job is submitted (see {@link SlurmLauncher}). */
    public AblateCommand(Path file, List<String> args, ClassLoader plugins, boolean detach) {
        this.file = file;
        this.args = List.copyOf(args);
        this.plugins = plugins;
        this.detach = detach;
    }

    /** Runs the sweep and writes its report (detached: submits it); returns the sweep directory. */
    public Path execute() throws IOException, InterruptedException {
        SweepPlan plan = SweepPlan.load(file, args);
        Path dir = plan.sweep().out().resolve(plan.sweep().name()).toAbsolutePath();
        Launcher launcher = launcher(plan);
        launcher.check();
        List<PlannedRun> runs = plan(plan, dir);
        for (PlannedRun r : runs) {
            RunPlan.of(r.config(), plugins, List.of());
        }
        Files.createDirectories(dir);
        writePlan(plan, dir, runs);
        LOG.info("sweep {}: {} variants x {} seeds = {} runs, launcher {}", dir, plan.variants().size(), plan.sweep().seeds(),
                runs.size(), plan.sweep().launcher());
        Launcher.Outcome outcome = launcher.launch(dir, runs, plan.sweep().parallel());
        if (!outcome.finished()) {
            return dir;
        }
        SweepReport.write(dir, plan, runs);
        LOG.info("report: {} and {}", dir.resolve("report.md"), dir.resolve("report.csv"));
        if (!outcome.failed().isEmpty()) {
            throw new IllegalStateException(outcome.failed().size() + " run(s) failed: " + String.join("; ", outcome.failed()));
        }
        return dir;
    }

    private Launcher launcher(SweepPlan plan) {
        boolean slurm = plan.sweep().launcher().equals("slurm");
        if (detach && !slurm) {
            throw new ConfigException("--detach", "--detach needs ablate.launcher=slurm: a local sweep runs in this process");
        }
        return slurm ? new SlurmLauncher(plan.slurm(), plan.sweep().name(), detach) : new LocalLauncher();
    }

    /** Every run of the plan, variants in order and seeds 1..N within each, under the sweep directory {@code dir}. */
    static List<PlannedRun> plan(SweepPlan plan, Path dir) {
        List<PlannedRun> runs = new ArrayList<>();
        for (SweepPlan.Variant v : plan.variants()) {
            for (long seed = 1; seed <= plan.sweep().seeds(); seed++) {
                SortedMap<String, String> config = new TreeMap<>(plan.base());
                config.putAll(v.values());
                config.put("run.seed", String.valueOf(seed));
                config.put("run.out", dir.resolve(v.name()).toString());
                config.put("run.name", "seed-" + seed);
                runs.add(new PlannedRun(v.name(), seed, config, dir.resolve(v.name()).resolve("seed-" + seed)));
            }
        }
        return runs;
    }

    private static void writePlan(SweepPlan plan, Path dir, List<PlannedRun> runs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# wasserflow sweep plan: axes, seeds and base configuration");
        plan.axes().forEach((k, v) -> lines.add(SweepPlan.GRID + k + " = " + String.join(v.stream().anyMatch(x -> x.contains(",")) ? ";" : ",", v)));
        if (!plan.named().isEmpty()) {
            lines.add(SweepPlan.VARIANTS + " = " + String.join(", ", plan.named().keySet()));
            plan.named().forEach((name, values) -> lines.add(SweepPlan.VARIANT + name + " = " + String.join(" ",
                    values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())));
        }
        lines.add("ablate.seeds = " + plan.sweep().seeds());
        lines.add("ablate.runs = " + runs.size());
        lines.add("ablate.name = " + plan.sweep().name());
        lines.add("ablate.parallel = " + plan.sweep().parallel());
        lines.add("ablate.target = " + plan.sweep().target());
        lines.add("ablate.launcher = " + plan.sweep().launcher());
        lines.addAll(plan.slurm().lines());
        plan.base().forEach((k, v) -> lines.add(k + " = " + v));
        Files.write(dir.resolve("sweep.properties"), lines);
    }
}
