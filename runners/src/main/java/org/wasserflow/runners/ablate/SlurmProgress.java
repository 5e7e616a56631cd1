package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a sweep's Slurm job array to end, logging a progress line whenever the counts change. A task
 * has ended once its exit status is in {@code slurm/exit/<run>} or, without one, once it has left the queue
 * (cancelled, timed out, its node lost); it succeeded if it exited with status 0 and its run is complete.
 * Each failed task is logged with the tail of its log as soon as it is seen.
 */
final class SlurmProgress {

    private static final Logger LOG = LoggerFactory.getLogger(SlurmProgress.class);

    /** How long a task may be out of the queue without an exit status before it counts as failed (shared filesystems lag). */
    private static final long GRACE_NANOS = 5_000_000_000L;

    private final Slurm slurm;
    private final long id;
    private final String jobName;
    private final Path dir;
    private final List<PlannedRun> runs;
    private final List<PlannedRun> tasks;
    private final int tail;

    /**
     * @param runs every run of the sweep, for the count of complete ones
     * @param tasks the run of each array index
     * @param tail lines of a failed run's log to show
     */
    SlurmProgress(Slurm slurm, long id, String jobName, Path dir, List<PlannedRun> runs, List<PlannedRun> tasks, int tail) {
        this.slurm = slurm;
        this.id = id;
        this.jobName = jobName;
        this.dir = dir;
        this.runs = runs;
        this.tasks = tasks;
        this.tail = tail;
    }

    /** Waits until every task has ended; returns one line for each failed run. */
    List<String> await() throws IOException, InterruptedException {
        Map<Integer, Boolean> ended = new HashMap<>();
        Map<Integer, Long> missingSince = new HashMap<>();
        List<String> failed = new ArrayList<>();
        long t0 = System.nanoTime();
        String last = "";
        while (true) {
            Optional<Map<Integer, String>> queue = slurm.tasks(id, jobName);
            int running = 0;
            int pending = 0;
            for (int i = 0; i < tasks.size(); i++) {
                if (ended.containsKey(i)) {
                    continue;
                }
                PlannedRun r = tasks.get(i);
                Path exit = SlurmLauncher.exitFile(dir, r);
                String why = null;
                if (Files.isRegularFile(exit)) {
                    String status = Files.readString(exit).strip();
                    why = status.equals("0") && r.complete() ? "" : "exit status " + status;
                } else if (queue.isPresent() && !queue.get().containsKey(i)) {
                    long now = System.nanoTime();
                    if (now - missingSince.computeIfAbsent(i, k -> now) >= GRACE_NANOS) {
                        why = r.complete() ? "" : "left the queue without an exit status"
                                + slurm.accounting(id, i).map(a -> ", sacct: " + a).orElse("")
                                + "; see " + dir.resolve("slurm").resolve("slurm-" + id + "_" + i + ".out");
                    }
                }
                if (why == null && !r.complete()) {
                    if (queue.isPresent() && isRunning(queue.get().get(i))) {
                        running++;
                    } else {
                        pending++;
                    }
                }
                if (why != null) {
                    ended.put(i, why.isEmpty());
                    if (!why.isEmpty()) {
                        Path log = r.logFile(dir);
                        failed.add(Launcher.failure(r, log, why));
                        LOG.warn("FAILED {} ({}); last lines of {}:\n{}", r.label(), why, log, SlurmLauncher.indent(LogTail.read(log, tail)));
                    }
                }
            }
            int finished = ended.size();
            int left = tasks.size() - finished;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double eta = left == 0 ? 0 : finished == 0 ? Double.NaN : left * elapsed / finished;
            int done = (int) runs.stream().filter(PlannedRun::complete).count();
            String line = SlurmLauncher.progress(id, done, runs.size(), running, pending, failed.size(), eta);
            if (!line.replaceFirst("ETA.*", "").equals(last)) {
                LOG.info(line);
                last = line.replaceFirst("ETA.*", "");
            }
            if (left == 0) {
                return failed;
            }
            Thread.sleep(Math.min(10_000, 1000 + (long) (elapsed * 1000 / 30)));
        }
    }

    private static boolean isRunning(String state) {
        return state != null && (state.equals("R") || state.equals("CG"));
    }
}
