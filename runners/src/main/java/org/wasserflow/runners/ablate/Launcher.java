package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the planned runs of a sweep that are not complete, each as {@code wasserflow run <config>} writing
 * into its run directory, with its configuration in {@code configs/} and its console output in {@code logs/}
 * of the sweep directory. A launcher never touches a complete run.
 */
interface Launcher {

    /**
     * What a launch came to.
     *
     * @param finished true if every run it started has ended; false if it returned before (a detached
     *     Slurm job, or a sweep stopped by SIGTERM or SIGINT), in which case no report can be written yet
     * @param failed one line for each run that ended without completing: its label and the last line of its log
     */
    record Outcome(boolean finished, List<String> failed) {

        public Outcome {
            failed = List.copyOf(failed);
        }
    }

    /**
     * Fails, before anything is written, if this launcher cannot run here (e.g. no {@code sbatch} on PATH).
     * Does nothing by default.
     */
    default void check() {
    }

    /**
     * One line naming what of this launcher still runs runs of the sweep directory {@code dir} (a Slurm job still in
     * the queue), or empty; before anything is moved. Empty by default.
     */
    default Optional<String> busy(Path dir) throws IOException, InterruptedException {
        return Optional.empty();
    }

    /**
     * Runs the runs of {@code runs} that are not complete, at most {@code parallel} at a time.
     *
     * @param dir the sweep directory, absolute
     * @param runs every planned run of the sweep, complete or not
     */
    Outcome launch(Path dir, List<PlannedRun> runs, int parallel) throws IOException, InterruptedException;

    /**
     * Deletes what earlier attempts left in the incomplete runs' directories, except runs with a checkpoint;
     * returns the incomplete runs, in order. This is the one place that decides what an incomplete run keeps: a
     * run with a checkpoint is kept, and every launcher resumes it, since {@code wasserflow run} of the same
     * configuration continues its directory from the newest checkpoint. A run directory still locked by a command
     * (a task of a cancelled job that is finishing its last writes) is waited for first ({@link WriterWait}), so
     * a run that completes meanwhile is not submitted again.
     */
    static List<PlannedRun> clearIncomplete(List<PlannedRun> runs) throws IOException {
        List<PlannedRun> pending = new ArrayList<>();
        for (PlannedRun r : runs) {
            WriterWait.untilUnlocked(r.dir());
            if (!r.complete()) {
                r.clearIncomplete();
                pending.add(r);
            }
        }
        return pending;
    }

    /** One line about a failed run: its label, its log and the log's last non-blank line. */
    static String failure(PlannedRun run, Path log, String why) {
        List<String> tail = LogTail.read(log, 1);
        return run.label() + " (" + why + "; " + log + (tail.isEmpty() ? "" : ": " + tail.get(0).strip()) + ")";
    }
}
