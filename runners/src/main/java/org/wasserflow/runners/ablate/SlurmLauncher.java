package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ablate.launcher=slurm}: submits one {@code sbatch --array=0-<n-1>%<parallel>} job for the runs that
 * are not complete (see {@link SlurmScript} for what each task does), then, unless detached, waits for it
 * and logs progress (runs done, running, pending, failed, ETA) from {@code squeue} and the sweep directory.
 * Interrupting the waiting JVM cancels the job ({@code scancel}). If the sweep's previous job is still in
 * the queue, the launcher waits for that one instead of submitting another. Files, under the sweep
 * directory: {@code slurm/sweep.sbatch}, {@code slurm/tasks.txt}, {@code slurm/job.id},
 * {@code slurm/exit/<run>}.
 */
final class SlurmLauncher implements Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(SlurmLauncher.class);

    /** Lines of a failed run's log shown in the console. */
    private static final int TAIL = 10;

    private final SlurmConfig config;
    private final String name;
    private final boolean detach;
    private final String rerun;
    private Slurm slurm;

    /** A job in the queue and, for each array index, its run. */
    private record Job(long id, List<PlannedRun> tasks) { }

    /**
     * @param config the {@code slurm.*} settings
     * @param name the sweep's name
     * @param detach return once the job is submitted instead of waiting for it
     * @param rerun the command that continues the sweep, for the message when it is interrupted
     */
    SlurmLauncher(SlurmConfig config, String name, boolean detach, String rerun) {
        this.config = config;
        this.name = name;
        this.detach = detach;
        this.rerun = rerun;
    }

    /** The sweep's previous job if some of its tasks are still queued or running. */
    @Override
    public Optional<String> busy(Path dir) throws IOException, InterruptedException {
        if (slurm == null) {
            check();
        }
        Path idFile = dir.resolve("slurm").resolve("job.id");
        if (!Files.isRegularFile(idFile)) {
            return Optional.empty();
        }
        long id = Long.parseLong(Files.readString(idFile).strip());
        boolean queued = slurm.tasks(id, SlurmScript.jobName(name)).map(t -> !t.isEmpty()).orElse(true);
        return queued ? Optional.of("slurm job " + id + " of this sweep is still in the queue (scancel " + id + " cancels it)")
                : Optional.empty();
    }

    @Override
    public void check() {
        slurm = Slurm.locate();
    }

    @Override
    public Outcome launch(Path dir, List<PlannedRun> runs, int parallel) throws IOException, InterruptedException {
        if (slurm == null) {
            check();
        }
        Path home = dir.resolve("slurm");
        Optional<Job> previous = previousJob(home, runs);
        Job job;
        if (previous.isPresent()) {
            job = previous.get();
            LOG.info("slurm job {} of this sweep is still in the queue ({} runs); waiting for it instead of submitting another",
                    job.id(), job.tasks().size());
        } else {
            List<PlannedRun> pending = Launcher.clearIncomplete(runs);
            if (pending.isEmpty()) {
                LOG.info("all {} runs are complete; nothing to submit", runs.size());
                return new Outcome(true, List.of());
            }
            job = submit(dir, home, pending, parallel);
            LOG.info("submitted slurm job {}: {} runs, {} already complete, {} to run, {} at a time", job.id(), runs.size(),
                    runs.size() - pending.size(), pending.size(), parallel);
        }
        if (detach) {
            LOG.info("detached: follow it with squeue -j {}; run the same command again to wait for it, or wasserflow report {} "
                    + "for the report of the runs complete so far", job.id(), dir);
            return new Outcome(false, List.of());
        }
        Thread cancel = new Thread(() -> {
            String error = slurm.cancel(job.id());
            System.err.println(error.isEmpty() ? "wasserflow: interrupted; cancelled slurm job " + job.id() + " (Slurm sends its "
                    + "runs SIGTERM, and each writes a checkpoint within Slurm's KillWait); continue the sweep with: " + rerun
                    : "wasserflow: " + error);
        }, "wasserflow-scancel");
        Runtime.getRuntime().addShutdownHook(cancel);
        try {
            return new Outcome(true, new SlurmProgress(slurm, job.id(), SlurmScript.jobName(name), dir, runs, job.tasks(), TAIL).await());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancel);
            } catch (IllegalStateException shuttingDown) {
                LOG.debug("JVM shutting down; the hook cancels slurm job {}", job.id());
            }
        }
    }

    private Job submit(Path dir, Path home, List<PlannedRun> pending, int parallel) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("exit"));
        Files.createDirectories(dir.resolve("logs"));
        List<String> tasks = new ArrayList<>();
        for (PlannedRun r : pending) {
            ChildRuns.writeConfig(r, r.configFile(dir));
            Files.deleteIfExists(exitFile(dir, r));
            tasks.add(r.configFile(dir).toString());
        }
        Files.write(home.resolve("tasks.txt"), tasks);
        List<String> run = ChildRuns.command(Path.of("config"));
        Path cwd = Path.of("").toAbsolutePath();
        Path script = home.resolve("sweep.sbatch");
        Files.writeString(script, SlurmScript.text(name, dir, pending.size(), parallel, config, run.subList(0, run.size() - 1), cwd));
        Files.deleteIfExists(home.resolve("job.id"));
        long id = slurm.submit(script, cwd);
        Files.writeString(home.resolve("job.id"), id + "\n");
        return new Job(id, List.copyOf(pending));
    }

    /**
     * The sweep's previous job if some of its tasks are still queued or running, after waiting out tasks
     * that are only being cancelled.
     */
    private Optional<Job> previousJob(Path home, List<PlannedRun> runs) throws IOException, InterruptedException {
        Path idFile = home.resolve("job.id");
        Path tasksFile = home.resolve("tasks.txt");
        if (!Files.isRegularFile(idFile) || !Files.isRegularFile(tasksFile)) {
            return Optional.empty();
        }
        long id = Long.parseLong(Files.readString(idFile).strip());
        for (int wait = 0; ; wait++) {
            Map<Integer, String> queued = slurm.tasks(id, SlurmScript.jobName(name))
                    .orElseThrow(() -> new SlurmException("squeue does not answer; cannot tell whether slurm job " + id
                            + " of this sweep is still running"));
            if (queued.isEmpty()) {
                return Optional.empty();
            }
            if (!queued.values().stream().allMatch("CG"::equals) || wait >= 120) {
                break;
            }
            Thread.sleep(1000);
        }
        Map<String, PlannedRun> byConfig = new HashMap<>();
        Path dir = home.getParent();
        runs.forEach(r -> byConfig.put(r.configFile(dir).toString(), r));
        List<PlannedRun> tasks = new ArrayList<>();
        for (String line : Files.readAllLines(tasksFile)) {
            PlannedRun r = byConfig.get(line.strip());
            if (r == null) {
                throw new SlurmException("slurm job " + id + " of this sweep is still in the queue but runs " + line.strip()
                        + ", which this sweep does not plan; wait for it or cancel it: scancel " + id);
            }
            tasks.add(r);
        }
        return Optional.of(new Job(id, tasks));
    }

    /** Where the task of {@code run} writes its exit status. */
    static Path exitFile(Path dir, PlannedRun run) {
        return dir.resolve("slurm").resolve("exit").resolve(run.configFile(dir).getFileName().toString().replaceFirst("\\.properties$", ""));
    }

    /** A progress line. */
    static String progress(long id, int done, int total, int running, int pending, int failed, double eta) {
        return String.format(Locale.ROOT, "slurm job %d: %d/%d runs done, %d running, %d pending, %d failed, ETA %s", id, done, total,
                running, pending, failed, Double.isNaN(eta) ? "unknown" : Eta.format(eta));
    }

    /** The tail of a log, indented, for the console. */
    static String indent(List<String> lines) {
        return lines.stream().map(l -> "  | " + l).collect(Collectors.joining("\n"));
    }
}
