package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.runners.report.ConfigHash;
import org.wasserflow.runners.report.SweepReport;

/**
 * The {@code ablate} command: runs every variant of a {@link SweepPlan} for every seed, at most
 * {@code ablate.parallel} at a time, each in its own JVM and run directory under
 * {@code <ablate.out>/<ablate.name>/}, then writes the sweep's report there. The runs go through the
 * {@link Launcher} that {@code ablate.launcher} names: JVMs on this machine ({@link LocalLauncher}) or one
 * Slurm job array ({@link SlurmLauncher}). Every run's configuration is checked against the declared settings
 * ({@link RunPlan}) before the first starts; nothing is constructed.
 * Rerunning the same command after an interruption keeps the runs that completed and redoes only the others;
 * before anything starts, the target's metric columns are checked ({@link TargetCheck}) and the runs already on
 * disk are compared with the plan ({@link RerunCheck}, {@code ablate.rerun}).
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
        Map<PlannedRun, SortedMap<String, String>> resolved = new HashMap<>();
        List<RunPlan> plans = new ArrayList<>();
        for (PlannedRun r : runs) {
            RunPlan p = RunPlan.of(r.config(), plugins, List.of());
            plans.add(p);
            resolved.put(r, p.resolved());
        }
        TargetCheck.check(plan.sweep().target(), plan.sweep().rank(), plans);
        LossAxis.warning(plan, plans).ifPresent(LOG::warn);
        List<String> hashes = runs.stream().map(r -> ConfigHash.sha256(resolved.get(r)) + "  " + r.label()).toList();
        Path recorded = dir.resolve("runs.sha256");
        if (Files.isRegularFile(recorded) && !Files.readAllLines(recorded).equals(hashes)) {
            launcher.busy(dir).ifPresent(job -> {
                throw new ConfigException(SweepConfig.RERUN.key(), job + " and runs the plan in " + recorded + ", which differs from "
                        + "this one; wait for it to end or cancel it, then run this command again");
            });
        }
        List<RerunCheck.Changed> changed = RerunCheck.changed(runs, resolved);
        if (!changed.isEmpty()) {
            if (plan.sweep().rerun().equals("refuse")) {
                throw RerunCheck.refusal(dir, changed, runs.size());
            }
            launcher.busy(dir).ifPresent(job -> {
                throw new ConfigException(SweepConfig.RERUN.key(), job + " and " + changed.size() + " of its runs were trained with "
                        + "another configuration; wait for it to end or cancel it, then run this command again");
            });
            RerunCheck.replace(changed);
        }
        runs = RerunCheck.keepCheckpointKeys(runs);
        Files.createDirectories(dir);
        writePlan(plan, dir, runs, hashes);
        LOG.info("sweep {}: {} variants x {} seeds = {} runs, launcher {}", dir, plan.variants().size(), plan.sweep().seeds(),
                runs.size(), plan.sweep().launcher());
        Launcher.Outcome outcome = launcher.launch(dir, runs, plan.sweep().parallel());
        if (!outcome.finished()) {
            return dir;
        }
        List<String> unreported = SweepReport.write(dir, plan, runs);
        unreported.forEach(f -> LOG.warn("not in the report: {}", f));
        LOG.info("summary:\n{}", SweepReport.summary(dir));
        LOG.info("report: {} and {}", dir.resolve("report.md"), dir.resolve("report.csv"));
        if (!outcome.failed().isEmpty()) {
            throw new IllegalStateException(outcome.failed().size() + " run(s) failed: " + String.join("; ", outcome.failed()));
        }
        return dir;
    }

    /** The command line that runs this sweep again, for messages. */
    private String commandLine() {
        List<String> words = new ArrayList<>(List.of("wasserflow", "ablate"));
        if (file != null) {
            words.add(file.toString());
        }
        words.addAll(args);
        if (detach) {
            words.add("--detach");
        }
        return String.join(" ", words.stream().map(w -> w.matches("[A-Za-z0-9_./=,:+@%-]+") ? w : SlurmScript.quote(w)).toList());
    }

    private Launcher launcher(SweepPlan plan) {
        boolean slurm = plan.sweep().launcher().equals("slurm");
        if (detach && !slurm) {
            throw new ConfigException("--detach", "--detach needs ablate.launcher=slurm: a local sweep runs in this process");
        }
        return slurm ? new SlurmLauncher(plan.slurm(), plan.sweep().name(), detach, commandLine())
                : new LocalLauncher(plan.sweep().stopWaitSeconds(), commandLine());
    }

    /** Every run of the plan, variants in order and seeds 1..N within each, under the sweep directory {@code dir}. */
    static List<PlannedRun> plan(SweepPlan plan, Path dir) {
        return plan(plan, dir, true);
    }

    /**
     * Every run of the plan; without {@code presets}, the variants' preset files ({@code include=}) are not read
     * (the report, which needs only the run directories, works when a preset has since moved).
     */
    static List<PlannedRun> plan(SweepPlan plan, Path dir, boolean presets) {
        List<PlannedRun> runs = new ArrayList<>();
        for (SweepPlan.Variant v : plan.variants()) {
            Map<String, String> keys = presets ? plan.runKeys(v) : v.values();
            for (long seed = 1; seed <= plan.sweep().seeds(); seed++) {
                SortedMap<String, String> config = new TreeMap<>(plan.base());
                config.putAll(keys);
                config.put("run.seed", String.valueOf(seed));
                config.put("run.out", dir.resolve(v.name()).toString());
                config.put("run.name", "seed-" + seed);
                runs.add(new PlannedRun(v.name(), seed, config, dir.resolve(v.name()).resolve("seed-" + seed)));
            }
        }
        return runs;
    }

    /**
     * Writes {@code sweep.properties} (the plan, read back by {@code report}) and {@code runs.sha256}: for each run,
     * the hash of its resolved configuration's results keys ({@link ConfigHash}) and its label.
     */
    private static void writePlan(SweepPlan plan, Path dir, List<PlannedRun> runs, List<String> hashes) throws IOException {
        Files.write(dir.resolve("runs.sha256"), hashes);
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
        if (!plan.sweep().rank().isEmpty()) {
            lines.add("ablate.rank = " + plan.sweep().rank());
        }
        if (!plan.sweep().tableAt().isEmpty()) {
            lines.add("ablate.table_at = " + String.join(",", plan.sweep().tableAt().stream().map(String::valueOf).toList()));
        }
        lines.addAll(plan.slurm().lines());
        plan.base().forEach((k, v) -> lines.add(k + " = " + v));
        Files.write(dir.resolve("sweep.properties"), lines);
    }
}
