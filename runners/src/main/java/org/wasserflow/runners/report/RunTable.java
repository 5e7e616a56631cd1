package org.wasserflow.runners.report;

import java.util.ArrayList;
import java.util.List;

/** The full table of a sweep's report: one row per reported run with its training time and every final column. */
final class RunTable {

    private RunTable() {
    }

    /** The section in Markdown, runs in plan order. */
    static List<String> markdown(List<VariantRuns> groups, List<String> columns) {
        List<String> lines = new ArrayList<>();
        lines.add("## Every run");
        lines.add("");
        lines.add("Final value of every column of each run's `metrics.csv` (its last evaluation); `train_s`: training seconds.");
        lines.add("");
        List<String> head = new ArrayList<>(List.of("variant", "seed", "iteration", "train_s"));
        head.addAll(columns);
        lines.add("| " + String.join(" | ", head) + " |");
        lines.add("|" + " --- |".repeat(head.size()));
        for (VariantRuns g : groups) {
            for (int i = 0; i < g.tables().size(); i++) {
                MetricsTable t = g.tables().get(i);
                List<String> cells = new ArrayList<>(List.of(g.name(), String.valueOf(g.seeds().get(i)),
                        String.valueOf(Math.round(t.last("iteration"))), SummaryTable.fmt(t.last("train_s"))));
                columns.forEach(c -> cells.add(t.has(c) ? SummaryTable.fmt(t.last(c)) : ""));
                lines.add("| " + String.join(" | ", cells) + " |");
            }
        }
        return lines;
    }
}
