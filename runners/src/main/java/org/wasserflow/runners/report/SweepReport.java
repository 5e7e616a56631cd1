package org.wasserflow.runners.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wasserflow.runners.ablate.PlannedRun;
import org.wasserflow.runners.ablate.SweepConfig;
import org.wasserflow.runners.ablate.SweepPlan;

/**
 * The report of a sweep, from the {@code metrics.csv} of its complete runs: {@code report.csv} and
 * {@code report.md} (per variant, the mean and standard deviation over seeds of each final metric and the
 * training time to reach the sweep's target, e.g. {@code w2<=0.2}) and PNG plots of each metric against iterations and
 * against training time, one line per variant (the mean over its seeds).
 */
public final class SweepReport {

    /** Columns of {@code metrics.csv} that are bookkeeping or training diagnostics, not metrics. */
    public static final java.util.Set<String> NOT_METRICS = java.util.Set.of("iteration", "train_s", "elapsed_s",
            "generator_loss", "critic_loss");

    private SweepReport() {
    }

    /** One variant's runs. */
    private record Group(SweepPlan.Variant variant, List<MetricsTable> tables, int planned) { }

    /**
     * Writes the report files into {@code dir} and returns one line for each run that is not in it although its
     * directory exists (failed, interrupted or damaged: {@link RunOutcome}); such runs are listed in {@code report.md}.
     */
    public static List<String> write(Path dir, SweepPlan plan, List<PlannedRun> runs) throws IOException {
        List<Group> groups = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (SweepPlan.Variant v : plan.variants()) {
            List<MetricsTable> tables = new ArrayList<>();
            int planned = 0;
            for (PlannedRun r : runs) {
                if (r.variant().equals(v.name())) {
                    planned++;
                    RunOutcome o = RunOutcome.read(r.dir());
                    if (o.table() != null) {
                        tables.add(o.table());
                    } else if (!o.notStarted()) {
                        failed.add(r.label() + ": " + o.problem());
                    }
                }
            }
            groups.add(new Group(v, tables, planned));
        }
        List<String> metrics = groups.stream().flatMap(g -> g.tables().stream()).flatMap(t -> t.columns().stream())
                .filter(c -> !NOT_METRICS.contains(c)).distinct().toList();
        SweepConfig.Target target = plan.sweep().target();
        List<String> header = new ArrayList<>();
        if (!plan.named().isEmpty()) {
            header.add("variant");
        }
        header.addAll(plan.axes().keySet());
        header.add("runs");
        for (String m : metrics) {
            header.add(m + "_mean");
            header.add(m + "_std");
        }
        header.addAll(List.of("train_s_mean", "reach_s_mean", "reached"));
        List<List<String>> table = new ArrayList<>();
        for (Group g : groups) {
            List<String> row = new ArrayList<>();
            if (!plan.named().isEmpty()) {
                row.add(g.variant().label());
            }
            plan.axes().keySet().forEach(k -> row.add(g.variant().values().get(k)));
            row.add(g.tables().size() + "/" + g.planned());
            for (String m : metrics) {
                double[] finals = g.tables().stream().filter(t -> t.has(m)).mapToDouble(t -> t.last(m)).toArray();
                row.add(fmt(mean(finals)));
                row.add(fmt(std(finals)));
            }
            row.add(fmt(mean(g.tables().stream().mapToDouble(t -> t.last("train_s")).toArray())));
            double[] reach = g.tables().stream().mapToDouble(t -> reach(t, target)).filter(Double::isFinite).toArray();
            row.add(fmt(mean(reach)));
            row.add(reach.length + "/" + g.tables().size());
            table.add(row);
        }
        writeCsv(dir.resolve("report.csv"), header, table);
        writeMarkdown(dir.resolve("report.md"), plan, header, table, target, failed);
        for (String m : metrics) {
            plot(dir, groups, m, "iteration");
            plot(dir, groups, m, "train_s");
        }
        return failed;
    }

    /** Training seconds at the first evaluation meeting the target, or NaN. */
    private static double reach(MetricsTable t, SweepConfig.Target target) {
        if (!t.has(target.metric()) || target.relativeTo() != null && !t.has(target.relativeTo())) {
            return Double.NaN;
        }
        double[] v = t.column(target.metric());
        double[] s = t.column("train_s");
        double[] ref = target.relativeTo() == null ? null : t.column(target.relativeTo());
        for (int i = 0; i < v.length; i++) {
            if (target.met(v[i], ref == null ? 1 : ref[i])) {
                return s[i];
            }
        }
        return Double.NaN;
    }

    private static void plot(Path dir, List<Group> groups, String metric, String x) throws IOException {
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (Group g : groups) {
            List<MetricsTable> with = g.tables().stream().filter(t -> t.has(metric)).toList();
            if (with.isEmpty()) {
                continue;
            }
            List<double[]> xs = with.stream().map(t -> t.column(x)).toList();
            List<double[]> ys = with.stream().map(t -> t.column(metric)).toList();
            int rows = xs.stream().mapToInt(c -> c.length).min().orElse(0);
            double[][] xy = new double[2][rows];
            for (int i = 0; i < rows; i++) {
                int row = i;
                xy[0][i] = mean(xs.stream().mapToDouble(c -> c[row]).toArray());
                xy[1][i] = mean(ys.stream().mapToDouble(c -> c[row]).toArray());
            }
            series.put(g.variant().name(), xy);
        }
        String xTitle = x.equals("iteration") ? "iteration" : "training time (s)";
        LinePlot.write(dir.resolve("plot-" + metric + "-vs-" + (x.equals("iteration") ? "iteration" : "time") + ".png"),
                metric + " (mean over seeds)", xTitle, metric, series);
    }

    private static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", header));
        rows.forEach(r -> lines.add(String.join(",", r.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList())));
        Files.write(file, lines);
    }

    private static void writeMarkdown(Path file, SweepPlan plan, List<String> header, List<List<String>> rows,
            SweepConfig.Target target, List<String> failed) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Sweep " + plan.sweep().name());
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Final metrics, mean and standard deviation over %d seed(s); `reach_s_mean` is the "
                + "mean training time (s) to the first evaluation with %s, over the runs that reached it (`reached`).",
                plan.sweep().seeds(), target));
        lines.add("");
        lines.add("| " + String.join(" | ", header) + " |");
        lines.add("|" + " --- |".repeat(header.size()));
        rows.forEach(r -> lines.add("| " + String.join(" | ", r) + " |"));
        if (!failed.isEmpty()) {
            lines.add("");
            lines.add("## Failed runs");
            lines.add("");
            lines.add("Not in the table above: interrupted runs continue when the sweep is run again; delete a damaged run's "
                    + "directory to have the sweep redo it.");
            lines.add("");
            failed.forEach(f -> lines.add("- " + f));
        }
        Files.write(file, lines);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** The sample standard deviation (n - 1), 0 for a single value. */
    private static double std(double[] v) {
        if (v.length < 2) {
            return v.length == 1 ? 0 : Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
