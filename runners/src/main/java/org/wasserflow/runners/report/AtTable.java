package org.wasserflow.runners.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.wasserflow.api.Metric;
import org.wasserflow.runners.ablate.SweepConfig;

/**
 * The learning-curve table of a sweep ({@code ablate.table_at}): per variant, one metric column at chosen
 * iterations (mean ± sample standard deviation over the seeds evaluated at that iteration), the mean training
 * seconds to the last of them, the best value of any evaluation of any seed, and the mean training seconds to the
 * target over the seeds that met it.
 */
final class AtTable {

    private AtTable() {
    }

    /** The table in Markdown, variants in plan order. */
    static List<String> markdown(List<VariantRuns> groups, String metric, Metric.Better better, List<Integer> at,
            SweepConfig.Target target) {
        boolean higher = better == Metric.Better.HIGHER;
        List<String> head = new ArrayList<>(List.of("variant", "seeds"));
        at.forEach(i -> head.add(metric + " @ " + i));
        head.add("train s @ " + at.get(at.size() - 1));
        head.add((higher ? "highest " : "lowest ") + metric);
        head.add("train s to " + target + " (seeds)");
        List<String> lines = new ArrayList<>();
        lines.add("| " + String.join(" | ", head) + " |");
        lines.add("|" + " --- |".repeat(head.size()));
        for (VariantRuns g : groups) {
            List<MetricsTable> runs = g.tables().stream().filter(t -> t.has(metric)).toList();
            List<String> cells = new ArrayList<>(List.of(g.name(), String.valueOf(runs.size())));
            for (int i : at) {
                SeedStats s = SeedStats.of(runs.stream().mapToDouble(t -> at(t, metric, i)).toArray());
                cells.add(s.n() == 0 ? "-" : s.n() == 1 ? fmt(s.mean()) : fmt(s.mean()) + " ± " + fmt(s.sd()));
            }
            double last = VariantRuns.mean(runs.stream().mapToDouble(t -> at(t, "train_s", at.get(at.size() - 1))).toArray());
            cells.add(Double.isNaN(last) ? "-" : String.format(Locale.ROOT, "%.0f", last));
            double[] all = runs.stream().flatMapToDouble(t -> Arrays.stream(t.column(metric))).filter(Double::isFinite).toArray();
            cells.add(all.length == 0 ? "-" : fmt(higher ? Arrays.stream(all).max().getAsDouble() : Arrays.stream(all).min().getAsDouble()));
            double[] reach = g.reach(target);
            cells.add((reach.length == 0 ? "-" : String.format(Locale.ROOT, "%.0f", VariantRuns.mean(reach)))
                    + " (" + reach.length + "/" + g.tables().size() + ")");
            lines.add("| " + String.join(" | ", cells) + " |");
        }
        lines.add("");
        lines.add("Mean ± sample standard deviation over the seeds evaluated at each iteration; the best value is over every "
                + "evaluation of every seed; train s to target: mean over the seeds that met it.");
        return lines;
    }

    /** The value of {@code column} at the evaluation of iteration {@code it}, NaN if the run has none there. */
    private static double at(MetricsTable t, String column, int it) {
        double[] iterations = t.column("iteration");
        double[] v = t.column(column);
        for (int r = 0; r < iterations.length; r++) {
            if (Math.round(iterations[r]) == it) {
                return v[r];
            }
        }
        return Double.NaN;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
