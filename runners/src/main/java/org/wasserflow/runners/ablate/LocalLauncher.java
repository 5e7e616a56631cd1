package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ablate.launcher=local}: runs each incomplete run in its own JVM on this machine ({@link ChildRuns}),
 * at most {@code parallel} at a time, and waits for all of them, logging each finished run with the runs
 * left and an ETA. Given SIGTERM or SIGINT, it stops its runs at a checkpoint ({@link ChildRuns}) and writes no
 * report.
 */
final class LocalLauncher implements Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLauncher.class);

    private final int stopWaitSeconds;
    private final String rerun;

    /**
     * @param stopWaitSeconds how long a sweep given SIGTERM or SIGINT waits for its runs to checkpoint and exit
     * @param rerun the command that continues the sweep, for the message then
     */
    LocalLauncher(int stopWaitSeconds, String rerun) {
        this.stopWaitSeconds = stopWaitSeconds;
        this.rerun = rerun;
    }

    @Override
    public Outcome launch(Path dir, List<PlannedRun> runs, int parallel) throws IOException, InterruptedException {
        List<PlannedRun> pending = Launcher.clearIncomplete(runs);
        LOG.info("{} runs, {} already complete, {} to run, {} at a time on this machine", runs.size(),
                runs.size() - pending.size(), pending.size(), parallel);
        try (ChildRuns children = new ChildRuns(stopWaitSeconds, rerun)) {
            return launch(dir, runs, parallel, pending, children);
        }
    }

    private Outcome launch(Path dir, List<PlannedRun> runs, int parallel, List<PlannedRun> pending, ChildRuns children)
            throws InterruptedException {
        Progress progress = new Progress(runs.size() - pending.size(), runs.size(), pending.size(), parallel);
        List<String> failed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (PlannedRun r : pending) {
                futures.add(pool.submit(() -> {
                    Path log = r.logFile(dir);
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = children.execute(r, r.configFile(dir), log);
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        return null;
                    }
                    if (children.stopping()) {
                        LOG.info("interrupted {} ({}, exit status {})", r.label(), r.stoppedAt(), status);
                        return null;
                    }
                    synchronized (failed) {
                        boolean ok = status == 0 && r.complete();
                        if (!ok) {
                            failed.add(Launcher.failure(r, log, "exit status " + status));
                        }
                        LOG.info(progress.finished(r, ok, (System.nanoTime() - t0) / 1e9));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(!children.stopping(), failed);
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
                    ok ? "finished" : "FAILED", r.label(), s, done, total, left, left == 0 ? "0 s" : Eta.format(eta));
        }
    }
}
