package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Metric;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.checkpoint.CheckpointStore;

/**
 * The best checkpoint of a run ({@code run.keep_best}): at every evaluation whose value of the chosen metric column
 * is strictly better than every earlier one (lower, unless the metric declares higher better), the state is
 * written as {@code checkpoints/best-it-<iteration>/} and the previous best is removed. The column defaults to the
 * run's first metric column that has a better direction ({@code w2} on the default run); {@code none} keeps no
 * best checkpoint, and neither does {@code run.checkpoint_every=0}. A resumed run continues from the best value
 * recorded in the best checkpoint's manifest ({@code best.metric}, {@code best.value}).
 */
final class BestCheckpoint {

    private static final Logger LOG = LoggerFactory.getLogger(BestCheckpoint.class);

    private final Components c;
    private final CheckpointStore store;
    private String column;
    private double value = Double.NaN;

    BestCheckpoint(Components c, CheckpointStore store) {
        this.c = c;
        this.store = store;
    }

    /**
     * Keeps the state after iteration {@code it} if {@code metrics} (an evaluation's columns) improve on the best.
     *
     * @throws ConfigException at the first evaluation, when {@code run.keep_best} names no metric column with a
     *     better direction
     * @throws CheckpointStore.WriteFailed when the checkpoint cannot be written
     */
    void offer(int it, Map<String, Double> metrics, long trainNanos) throws IOException {
        if (column == null) {
            resolve(metrics);
        }
        Double v = metrics.get(column);
        if (column.isEmpty() || c.run().checkpointEvery() == 0 || v == null || !Double.isFinite(v)) {
            return;
        }
        boolean higher = c.problem().better(column) == Metric.Better.HIGHER;
        if (Double.isNaN(value) || (higher ? v > value : v < value)) {
            store.writeBest(it, c.trainer().state(), c.plan().resolved(), Map.of("best.metric", column, "best.value", Double.toString(v),
                    "best.better", higher ? "higher" : "lower", "timing.train_ns", String.valueOf(trainNanos)));
            value = v;
        }
    }

    /**
     * Chooses the column from an evaluation's {@code metrics}, and reads the best value so far from a best
     * checkpoint already kept (a resumed run); {@link #offer} calls it at the first evaluation.
     *
     * @throws ConfigException when {@code run.keep_best} names no metric column with a better direction
     */
    void resolve(Map<String, Double> metrics) throws IOException {
        if (column != null) {
            return;
        }
        String wanted = c.run().keepBest();
        List<String> ranked = metrics.keySet().stream().filter(k -> c.problem().better(k) != Metric.Better.NEITHER).toList();
        if (wanted.equals("none")) {
            column = "";
            return;
        }
        ConfigException.require(wanted.isEmpty() || ranked.contains(wanted), "run.keep_best", wanted, "one of " + ranked
                + " (this run's metric columns that have a better direction), none, or empty for the first of them");
        column = wanted.isEmpty() ? (ranked.isEmpty() ? "" : ranked.get(0)) : wanted;
        Optional<Path> kept = store.best();
        if (column.isEmpty() || kept.isEmpty()) {
            return;
        }
        try {
            Map<String, String> manifest = CheckpointStore.read(kept.get(), c.plan().resolved()).manifest();
            if (column.equals(manifest.get("best.metric"))) {
                value = Double.parseDouble(manifest.get("best.value"));
            }
        } catch (ConfigException | NumberFormatException e) {
            LOG.warn("{}; it will be replaced at the next evaluation", e.getMessage());
        }
    }
}
