package org.wasserflow.runners.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wasserflow.api.Metric;
import org.wasserflow.runners.ablate.SweepConfig;

/**
 * The comparison a sweep's report leads with: one row per variant, ranked by the mean final value of one metric
 * column (better as the metric declares), with each key metric's mean and 95% t-interval over seeds
 * ({@link SeedStats}), its ratio to its floor, the time to the target, and whether the variant is distinguishable
 * from the best by Welch's t-test at {@link SeedStats#ALPHA} on the ranked metric, the seeds as samples.
 */
final class SummaryTable {

    /**
     * One ranked variant.
     *
     * @param runs the variant
     * @param stats each key column's final values over seeds
     * @param floorRatio each key column with a floor: the mean final value over the mean final floor
     * @param reach training seconds to the target of the runs that met it
     * @param p Welch's p-value against the best variant on the ranked column (NaN for the best or too few seeds)
     * @param verdict {@code best}, {@code yes}, {@code no} or {@code n too small}
     */
    record Row(VariantRuns runs, Map<String, SeedStats> stats, Map<String, Double> floorRatio, double[] reach, double p,
            String verdict) { }

    private SummaryTable() {
    }

    /** The variants in rank order by {@code rank} (those without a value of it last, in plan order). */
    static List<Row> of(List<VariantRuns> groups, List<String> keys, String rank, Metric.Better better, SweepConfig.Target target) {
        Comparator<VariantRuns> order = Comparator.comparingDouble(g -> {
            double m = VariantRuns.mean(g.finals(rank));
            return Double.isNaN(m) ? Double.POSITIVE_INFINITY : better == Metric.Better.HIGHER ? -m : m;
        });
        List<VariantRuns> ranked = groups.stream().sorted(order).toList();
        double[] best = ranked.isEmpty() ? new double[0] : ranked.get(0).finals(rank);
        List<Row> rows = new ArrayList<>();
        for (VariantRuns g : ranked) {
            Map<String, SeedStats> stats = new LinkedHashMap<>();
            Map<String, Double> ratio = new LinkedHashMap<>();
            for (String k : keys) {
                stats.put(k, SeedStats.of(g.finals(k)));
                if (g.tables().stream().anyMatch(t -> t.has(k + MetricColumns.FLOOR))) {
                    ratio.put(k, VariantRuns.mean(g.finals(k)) / VariantRuns.mean(g.finals(k + MetricColumns.FLOOR)));
                }
            }
            double p = rows.isEmpty() ? Double.NaN : SeedStats.welch(g.finals(rank), best);
            String verdict = rows.isEmpty() ? "best" : Double.isNaN(p) ? "n too small" : p < SeedStats.ALPHA ? "yes" : "no";
            rows.add(new Row(g, stats, ratio, g.reach(target), p, verdict));
        }
        return rows;
    }

    /** The table in Markdown, with the sentence stating the test and the interval under it. */
    static List<String> markdown(List<Row> rows, List<String> keys, String rank, Metric.Better better, SweepConfig.Target target) {
        List<String> head = new ArrayList<>(List.of("rank", "variant", "n"));
        boolean[] floors = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            head.add(k + " (mean ± 95% CI)");
            floors[i] = rows.stream().anyMatch(r -> r.floorRatio().containsKey(k));
            if (floors[i]) {
                head.add(k + " / floor");
            }
        }
        head.add("train s to " + target + " (seeds)");
        head.add("differs from best (" + rank + ")");
        List<String> lines = new ArrayList<>();
        lines.add("| " + String.join(" | ", head) + " |");
        lines.add("|" + " --- |".repeat(head.size()));
        int place = 1;
        for (Row r : rows) {
            int n = r.runs().tables().size();
            List<String> cells = new ArrayList<>(List.of(n == 0 ? "-" : String.valueOf(place++), r.runs().name(), n + "/" + r.runs().planned()));
            for (int i = 0; i < keys.size(); i++) {
                SeedStats s = r.stats().get(keys.get(i));
                String cell = s.n() == 0 ? "n/a" : s.n() == 1 ? fmt(s.mean()) : fmt(s.mean()) + " ± " + fmt(s.half());
                cells.add(s.n() > 0 && s.n() < n ? cell + " (n=" + s.n() + ")" : cell);
                if (floors[i]) {
                    Double ratio = r.floorRatio().get(keys.get(i));
                    cells.add(ratio == null || ratio.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio));
                }
            }
            cells.add(r.reach().length == 0 ? "- (0/" + n + ")" : fmt(VariantRuns.mean(r.reach())) + " (" + r.reach().length + "/" + n + ")");
            cells.add(r.verdict().equals("yes") || r.verdict().equals("no")
                    ? r.verdict() + String.format(Locale.ROOT, " (p=%.2g)", r.p()) : r.verdict());
            lines.add("| " + String.join(" | ", cells) + " |");
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Ranked by the mean final `%s` over seeds (%s is better). Each metric: mean over seeds "
                + "± half width of the 95%% Student-t interval of the mean (t(0.975, n-1) sd/sqrt(n)); `/ floor`: the mean final "
                + "value over the mean final data-vs-data floor. `differs from best`: Welch's two-sided t-test (unequal variances) "
                + "of the final `%s` of this variant's seeds against the best variant's, at level %.2f; `n too small` with fewer "
                + "than two seeds on either side. Train s to target: mean over the seeds that met it.", rank,
                better == Metric.Better.HIGHER ? "higher" : "lower", rank, SeedStats.ALPHA));
        return lines;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
