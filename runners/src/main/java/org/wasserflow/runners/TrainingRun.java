package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.Capability;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.checkpoint.CheckpointStore;
import org.wasserflow.runners.report.ImageGrid;
import org.wasserflow.runners.report.MetricsCsv;
import org.wasserflow.runners.report.Provenance;
import org.wasserflow.runners.report.SamplePlot;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The training loop of a run directory, from iteration {@code start + 1} to the budget: evaluates and logs
 * every {@code run.log_every} iterations, checkpoints every {@code run.checkpoint_every} and at the end, keeps the
 * checkpoint of the best evaluation by {@code run.keep_best} ({@link BestCheckpoint}), and stops cleanly. For an image data
 * law, each checkpoint written comes with its tile grid {@code grids/it-<iteration>.png}; a resumed run writes the grid
 * of the checkpoint it starts from only if it is missing. The run ends with {@code samples.png} ({@link SamplePlot}). SIGINT and
 * SIGTERM finish the current iteration, write a checkpoint (also with {@code run.checkpoint_every=0}: a signal asks
 * to stop and keep the work) and provenance marked {@code interrupted}, and exit 130 / 143; a non-finite loss,
 * velocity or parameter stops the run in the iteration it appears, keeps the last (finite) checkpoint and writes
 * provenance marked {@code diverged} (exit status {@link RunStopped#DIVERGED}); a checkpoint that cannot be written
 * (a full disk) stops the run with exit status 1, its path named and the previous checkpoints kept. A completed run ends with one line {@code verdict: ...}, the metrics'
 * phrases for the last evaluation ({@link org.wasserflow.flow.problem.Problem#verdict}); the provenance records the
 * same under {@code verdict} whatever the status.
 */
final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /**
     * Where a run starts: after iteration {@code iteration}, with the timing accumulators so far.
     *
     * @param iteration the last completed iteration (0 for a fresh run)
     * @param iterationNanos the time of every completed iteration
     * @param started when the run first started
     */
    record Start(int iteration, long[] iterationNanos, String started) {

        /** The training time so far. */
        long trainNanos() {
            return Arrays.stream(iterationNanos).limit(iteration).sum();
        }
    }

    private final Components c;
    private final Path dir;
    private final String commandLine;
    private final CheckpointStore checkpoints;
    private final BestCheckpoint best;
    private long checkpointNanos;

    TrainingRun(Components c, Path dir, String commandLine) {
        this.c = c;
        this.dir = dir;
        this.commandLine = commandLine;
        this.checkpoints = new CheckpointStore(dir, c.run().keepCheckpoints());
        this.best = new BestCheckpoint(c, checkpoints);
    }

    /** Trains from {@code start} into {@code csv} and returns the last logged metrics. */
    Map<String, Double> train(Start start, MetricsCsv csv, Map<String, Double> lastMetrics) throws IOException {
        AtomicInteger signal = new AtomicInteger();
        SignalHandler previousInt = Signal.handle(new Signal("INT"), s -> signal.set(s.getNumber()));
        SignalHandler previousTerm = Signal.handle(new Signal("TERM"), s -> signal.set(s.getNumber()));
        long wall = System.nanoTime();
        long[] nanos = Arrays.copyOf(start.iterationNanos(), c.run().iterations());
        long trainNanos = start.trainNanos();
        Map<String, Double> last = lastMetrics;
        for (Path orphan : checkpoints.removeOrphans()) {
            LOG.info("removed {}, left by a process killed while writing a checkpoint", orphan);
        }
        int it = start.iteration();
        try {
            if (start.iteration() == 0) {
                checkpoint(0, nanos, 0, start.started(), false);
                best.offer(0, last, 0);
            } else if (!Files.exists(SamplePlot.gridFile(dir, start.iteration()))) {
                grid(start.iteration());
            }
            if (start.iteration() >= c.run().iterations() && last.isEmpty()) {
                last = c.problem().evaluate(c.generator());
            }
            for (it = start.iteration() + 1; it <= c.run().iterations(); it++) {
                long t0 = System.nanoTime();
                Map<String, Double> diagnostics = c.trainer().iterate();
                nanos[it - 1] = System.nanoTime() - t0;
                trainNanos += nanos[it - 1];
                Optional<String> diverged = Divergence.check(c, diagnostics);
                if (diverged.isPresent()) {
                    String kept = checkpoints.latest().map(p -> "; the last finite checkpoint is " + p).orElse("; no checkpoint was written yet");
                    finish("diverged", start, nanos, trainNanos, wall, last);
                    throw new RunStopped(RunStopped.DIVERGED, "diverged at iteration " + it + ": " + diverged.get() + kept);
                }
                if (it % c.run().logEvery() == 0 || it == c.run().iterations()) {
                    last = log(csv, it, trainNanos, wall, diagnostics);
                    best.offer(it, last, trainNanos);
                }
                boolean stop = signal.get() != 0 && it < c.run().iterations();
                if (stop || it == c.run().iterations() || (c.run().checkpointEvery() > 0 && it % c.run().checkpointEvery() == 0)) {
                    checkpoint(it, nanos, trainNanos, start.started(), stop);
                }
                if (stop) {
                    finish("interrupted", start, nanos, trainNanos, wall, last);
                    throw new RunStopped(128 + signal.get(), "interrupted at iteration " + it + " by signal " + signal.get()
                            + "; checkpoint written; continue with: wasserflow resume " + dir);
                }
            }
        } catch (CheckpointStore.WriteFailed e) {
            String kept = checkpoints.latest().map(p -> "; the previous checkpoint " + p.getFileName() + " is kept").orElse("");
            try {
                finish("failed", start, nanos, trainNanos, wall, last);
            } catch (IOException again) {
                LOG.warn("provenance not written: {}", again.getMessage());
            }
            throw new RunStopped(1, "stopped at iteration " + it + ": " + e.getMessage() + kept
                    + "; make room, then continue with: wasserflow resume " + dir);
        } finally {
            Signal.handle(new Signal("INT"), previousInt);
            Signal.handle(new Signal("TERM"), previousTerm);
        }
        INDArray source = c.problem().evaluationSource().points();
        SamplePlot.write(dir, c.run().data() + ": generated vs data", c.problem().laws(), c.problem().evaluationData().points(), source,
                c.generator().infer(source));
        finish("completed", start, nanos, trainNanos, wall, last);
        LOG.info("done in {} s (training {} s); results in {}", seconds(System.nanoTime() - wall), seconds(trainNanos), dir);
        LOG.info("verdict: {}", c.problem().verdict(last));
        return last;
    }

    /** Checks {@code run.keep_best} against the first evaluation's {@code metrics}, before any training. */
    void checkBest(Map<String, Double> metrics) throws IOException {
        best.resolve(metrics);
    }

    /** Evaluates, appends a row to {@code metrics.csv} and logs it; returns the metrics. */
    Map<String, Double> log(MetricsCsv csv, int it, long trainNanos, long wall, Map<String, Double> diagnostics) throws IOException {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("iteration", (double) it);
        row.put("train_s", trainNanos / 1e9);
        Map<String, Double> metrics = c.problem().evaluate(c.generator());
        row.put("elapsed_s", (System.nanoTime() - wall) / 1e9);
        row.putAll(metrics);
        c.trainer().diagnostics().forEach(name -> row.put(name, diagnostics.getOrDefault(name, Double.NaN)));
        csv.append(row);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "it %6d  train %7.1fs", it, trainNanos / 1e9));
        metrics.forEach((k, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", k, v)));
        LOG.info(line.toString());
        return metrics;
    }

    /** Writes the checkpoint after {@code it}: unless {@code run.checkpoint_every=0}, or always if {@code forced}. */
    private void checkpoint(int it, long[] nanos, long trainNanos, String started, boolean forced) throws IOException {
        if (c.run().checkpointEvery() == 0 && !forced) {
            return;
        }
        long t0 = System.nanoTime();
        grid(it);
        Map<String, INDArray> arrays = new LinkedHashMap<>(c.trainer().state());
        if (it > 0) {
            arrays.put("run.iteration_ns", Nd4j.createFromArray(Arrays.copyOf(nanos, it)));
        }
        checkpoints.write(it, arrays, c.plan().resolved(), Map.of("timing.train_ns", String.valueOf(trainNanos), "time.started", started));
        checkpointNanos += System.nanoTime() - t0;
    }

    /**
     * For an image data law, writes {@code grids/it-<it>.png}, the tile grid of the generator's inference map of the
     * first source evaluation rows ({@link SamplePlot#writeGrid}); before the checkpoint of {@code it}, so that every
     * checkpoint a run resumes from has its grid. A generator that requires {@link Capability#FIXED_BATCH} (particles) maps
     * the whole set, as {@link org.wasserflow.flow.problem.Problem#evaluate} does. A grid that cannot be written is
     * warned about: pictures are not results.
     */
    private void grid(int it) {
        OptionalInt side = c.problem().laws().data().imageSide();
        if (side.isEmpty()) {
            return;
        }
        INDArray source = c.problem().evaluationSource().points();
        if (!c.plan().plugin("generator").requires().contains(Capability.FIXED_BATCH)) {
            source = source.get(NDArrayIndex.interval(0, Math.min(source.rows(), ImageGrid.TILES)), NDArrayIndex.all());
        }
        try {
            SamplePlot.writeGrid(dir, it, c.generator().infer(source), side.getAsInt());
        } catch (IOException e) {
            LOG.warn("grid of iteration {} not written: {}", it, e.getMessage());
        }
    }

    private void finish(String status, Start start, long[] nanos, long trainNanos, long wall, Map<String, Double> last) throws IOException {
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("status", status);
        prov.put("run.seed", String.valueOf(c.run().seed()));
        prov.put("command", commandLine);
        prov.put("plugins", String.join(", ", c.plan().pluginJars()));
        prov.putAll(c.problem().provenance());
        c.trainer().potentialProvenance().forEach((k, v) -> prov.put("potential." + k, v));
        prov.put("time.started", start.started());
        prov.put("time.finished", Instant.now().toString());
        prov.put("resumed_from_iteration", String.valueOf(start.iteration()));
        prov.put("timing.session_s", seconds(System.nanoTime() - wall));
        prov.put("timing.train_s", seconds(trainNanos));
        prov.put("timing.checkpoint_s", seconds(checkpointNanos));
        long[] done = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray();
        prov.put("timing.median_iteration_s", seconds(done.length == 0 ? 0 : done[done.length / 2]));
        last.forEach((k, v) -> prov.put("final." + k, String.valueOf(v)));
        last.keySet().forEach(k -> prov.put(Provenance.BETTER + k, c.problem().better(k).name().toLowerCase(Locale.ROOT)));
        c.problem().columns().forEach((m, cols) -> prov.put(Provenance.COLUMNS + m, String.join(",", cols)));
        prov.put("verdict", c.problem().verdict(last));
        c.problem().laws().data().imageSide().ifPresent(side -> prov.put(SamplePlot.IMAGE_SIDE, String.valueOf(side)));
        Provenance.writeProvenance(dir, prov);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
