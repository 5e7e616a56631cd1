package org.wasserflow.runners.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run directory holds, for a sweep's report: the metrics of a run that completed, or why there are none.
 * A run is reported only if {@code provenance.properties} says {@code status = completed} and {@code metrics.csv}
 * reads back whole, with {@code iteration} and {@code train_s} columns and at least one row; anything else (a missing, partial or
 * garbled file) makes it a failed run with a one-line reason, never an error of the whole report.
 *
 * @param table the run's metrics, or null if it is not reported
 * @param problem why it is not reported, empty if it is; {@code not started} for a run with no directory
 */
public record RunOutcome(MetricsTable table, String problem) {

    /** The statuses a run writes into its provenance. */
    private static final List<String> STATUSES = List.of("completed", "interrupted", "diverged");

    /** Whether the run was not started at all (no run directory). */
    public boolean notStarted() {
        return table == null && problem.equals("not started");
    }

    /** Reads the run directory {@code dir}. */
    public static RunOutcome read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new RunOutcome(null, "not started");
        }
        Path provenance = dir.resolve("provenance.properties");
        if (!Files.isRegularFile(provenance)) {
            return new RunOutcome(null, "not finished: no provenance.properties (still running, killed, or damaged)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(provenance);
        } catch (IOException | java.io.UncheckedIOException e) {
            return new RunOutcome(null, "damaged: " + provenance + " cannot be read (" + e.getMessage() + ")");
        }
        List<String> status = lines.stream().filter(l -> l.startsWith("status = ")).map(l -> l.substring(9).strip()).toList();
        if (status.size() != 1 || !STATUSES.contains(status.get(0))) {
            return new RunOutcome(null, "damaged: " + provenance + " has no valid status line (status = one of " + STATUSES + ")");
        }
        if (!status.get(0).equals("completed")) {
            return new RunOutcome(null, "status " + status.get(0));
        }
        Path metrics = dir.resolve("metrics.csv");
        if (!Files.isRegularFile(metrics)) {
            return new RunOutcome(null, "damaged: completed but " + metrics + " is missing");
        }
        try {
            MetricsTable t = MetricsTable.read(metrics);
            if (t.rows().isEmpty()) {
                return new RunOutcome(null, "damaged: " + metrics + " has no rows");
            }
            for (String column : List.of("iteration", "train_s")) {
                if (!t.has(column)) {
                    return new RunOutcome(null, "damaged: " + metrics + " has no " + column + " column");
                }
            }
            return new RunOutcome(t, "");
        } catch (IOException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            return new RunOutcome(null, "damaged: " + (m.contains(metrics.toString()) ? m : metrics + ": " + e));
        }
    }
}
