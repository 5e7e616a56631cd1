package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.runners.flow.RunPlan;
import org.wasserflow.runners.report.SweepReport;

/**
 * The {@code ablate} command: runs every variant of a {@link SweepPlan} for every seed, at most
 * {@code ablate.parallel} at a time, each in its own JVM and run directory under
 * {@code <ablate.out>/<ablate.name>/}, then writes the sweep's report there. Every run's configuration is
 * checked against the declared settings ({@link RunPlan}) before the first starts; nothing is constructed. Rerunning the same command after an interruption keeps the runs that
 * completed and redoes only the others.
 */
public final class AblateCommand {

    private static final Logger LOG = LoggerFactory.getLogger(AblateCommand.class);

    private final Path file;
    private final List<String> args;
    private final ClassLoader plugins;

    public AblateCommand(Path file, List<String> args, ClassLoader plugins) {
        this.file = file;
        this.args = List.copyOf(args);
        this.plugins = plugins;
    }

    /** Runs the sweep and writes its report; returns the sweep directory. */
    public Path execute() throws IOException, InterruptedException {
        SweepPlan plan = SweepPlan.load(file, args);
        Path dir = plan.sweep().out().resolve(plan.sweep().name()).toAbsolutePath();
        List<PlannedRun> runs = plan(plan, dir);
        for (PlannedRun r : runs) {
            RunPlan.of(r.config(), plugins, List.of());
        }
        Files.createDirectories(dir);
        writePlan(plan, dir, runs);
        List<PlannedRun> pending = new ArrayList<>();
        for (PlannedRun r : runs) {
            if (!r.complete()) {
                r.clearIncomplete();
                pending.add(r);
            }
        }
        LOG.info("sweep {}: {} variants x {} seeds = {} runs, {} already complete, {} to run, {} at a time", dir,
                plan.variants().size(), plan.sweep().seeds(), runs.size(), runs.size() - pending.size(), pending.size(),
                plan.sweep().parallel());
        List<String> failed = runAll(pending, dir, plan.sweep().parallel(), runs.size() - pending.size(), runs.size());
        SweepReport.write(dir, plan, runs);
        LOG.info("report: {} and {}", dir.resolve("report.md"), dir.resolve("report.csv"));
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " run(s) failed; see their logs: " + String.join(", ", failed));
        }
        return dir;
    }

    private static List<PlannedRun> plan(SweepPlan plan, Path dir) {
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
        lines.add("ablate.seeds = " + plan.sweep().seeds());
        lines.add("ablate.runs = " + runs.size());
        plan.base().forEach((k, v) -> lines.add(k + " = " + v));
        Files.write(dir.resolve("sweep.properties"), lines);
    }

    private static List<String> runAll(List<PlannedRun> pending, Path dir, int parallel, int done0, int total)
            throws InterruptedException {
        ChildRuns children = new ChildRuns();
        Progress progress = new Progress(done0, total, pending.size(), parallel);
        List<String> failed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (PlannedRun r : pending) {
                futures.add(pool.submit(() -> {
                    Path log = dir.resolve("logs").resolve(r.variant() + "__seed-" + r.seed() + ".log");
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = children.execute(r, dir.resolve("configs").resolve(r.variant() + "__seed-" + r.seed() + ".properties"), log);
                    } catch (IOException e) {
                        status = -1;
                    }
                    synchronized (failed) {
                        if (status != 0 || !r.complete()) {
                            failed.add(log.toString());
                        }
                        LOG.info(progress.finished(r, status == 0 && r.complete(), (System.nanoTime() - t0) / 1e9));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return failed;
    }

    /** Console progress: runs done, running, and the time left estimated from the runs finished so far. */
    private static final class Progress {
        private final int total;
        private final int parallel;
        private int done;
        private int left;
        private double seconds;
        private int timed;

        Progress(int done, int total, int pending, int parallel) {
            this.done = done;
            this.total = total;
            this.left = pending;
            this.parallel = parallel;
        }

        String finished(PlannedRun r, boolean ok, double s) {
            done++;
            left--;
            seconds += s;
            timed++;
            double eta = left * (seconds / timed) / Math.min(parallel, Math.max(1, left));
            return String.format(Locale.ROOT, "%s %s in %.0f s; %d/%d runs done, %d running or queued, ETA %s",
                    ok ? "finished" : "FAILED", r.label(), s, done, total, left, left == 0 ? "0 s" : format(eta));
        }

        private static String format(double s) {
            long t = Math.round(s);
            return t >= 60 ? (t / 60) + " min " + (t % 60) + " s" : t + " s";
        }
    }
}
