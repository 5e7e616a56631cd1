package org.wasserflow.runners.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Metric;
import org.wasserflow.runners.ablate.PlannedRun;
import org.wasserflow.runners.ablate.SweepConfig;
import org.wasserflow.runners.ablate.SweepPlan;

/**
 * The report of a sweep, from the {@code metrics.csv} and {@code provenance.properties} of its complete runs:
 * {@code report.md}, which leads with the ranked comparison of the variants ({@link SummaryTable}), then the
 * ranked metric at chosen iterations where {@code ablate.table_at} is set ({@link AtTable}), then, for runs of an image
 * data law, each variant's final tile grid with links to its runs' pictures ({@link FinalSamples}), then every run's
 * final metrics; {@code report.csv}, one row per variant with every column's mean and standard deviation and
 * the summary's statistics; and the figures {@code plot-<metric>.png} and {@code samples-grid.png}
 * ({@link SweepPlots}).
 */
public final class SweepReport {

    /** Columns of {@code metrics.csv} that are bookkeeping or training diagnostics, not metrics. */
    public static final java.util.Set<String> NOT_METRICS = java.util.Set.of("iteration", "train_s", "elapsed_s",
            "generator_loss", "critic_loss");

    private SweepReport() {
    }

    /**
     * Writes the report files into {@code dir} and returns one line for each run that is not in it although its
     * directory exists (failed, interrupted or damaged: {@link RunOutcome}); such runs are listed in {@code report.md}.
     * Fails in one line naming {@code ablate.rank} if it is not a column of the runs.
     */
    public static List<String> write(Path dir, SweepPlan plan, List<PlannedRun> runs) throws IOException {
        List<VariantRuns> groups = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (SweepPlan.Variant v : plan.variants()) {
            List<Long> seeds = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            List<MetricsTable> tables = new ArrayList<>();
            int planned = 0;
            for (PlannedRun r : runs) {
                if (r.variant().equals(v.name())) {
                    planned++;
                    RunOutcome o = RunOutcome.read(r.dir());
                    if (o.table() != null) {
                        seeds.add(r.seed());
                        dirs.add(r.dir());
                        tables.add(o.table());
                    } else if (!o.notStarted()) {
                        failed.add(r.label() + ": " + o.problem());
                    }
                }
            }
            groups.add(new VariantRuns(v.name(), planned, seeds, dirs, tables));
        }
        List<String> columns = groups.stream().flatMap(g -> g.tables().stream()).flatMap(t -> t.columns().stream())
                .filter(c -> !NOT_METRICS.contains(c)).distinct().toList();
        MetricColumns declared = MetricColumns.read(groups.stream().flatMap(g -> g.dirs().stream()).toList());
        List<String> keys = declared.key(columns);
        SweepConfig sweep = plan.sweep();
        String rank = sweep.rank().isEmpty() ? (keys.isEmpty() ? "" : keys.get(0)) : sweep.rank();
        if (!rank.isEmpty() && !columns.isEmpty() && !columns.contains(rank)) {
            throw new ConfigException(SweepConfig.RANK.key(), rank, "a metric column of this sweep's runs: " + keys);
        }
        Metric.Better better = declared.of(rank);
        List<SummaryTable.Row> summary = SummaryTable.of(groups, keys, rank, better, sweep.target());
        writeCsv(dir.resolve("report.csv"), plan, groups, columns, keys, summary, sweep.target());
        List<String> md = new ArrayList<>();
        md.add("# Sweep " + sweep.name());
        md.add("");
        if (!rank.isEmpty()) {
            md.addAll(SummaryTable.markdown(summary, keys, rank, better, sweep.target()));
        } else {
            md.add("No run of this sweep has completed, so there is nothing to rank yet.");
            md.add("");
            md.add("| variant | n |");
            md.add("| --- | --- |");
            groups.forEach(g -> md.add("| " + g.name() + " | " + g.tables().size() + "/" + g.planned() + " |"));
        }
        if (!sweep.tableAt().isEmpty() && !rank.isEmpty()) {
            md.add("");
            md.add("## " + rank + " at iterations " + sweep.tableAt().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
            md.add("");
            md.addAll(AtTable.markdown(groups, rank, better, sweep.tableAt(), sweep.target()));
        }
        List<FinalSamples> finals = FinalSamples.of(groups);
        List<String> pictures = FinalSamples.markdown(dir, finals);
        if (!pictures.isEmpty()) {
            md.add("");
            md.addAll(pictures);
        }
        md.add("");
        md.addAll(RunTable.markdown(groups, columns));
        if (!failed.isEmpty()) {
            md.add("");
            md.add("## Failed runs");
            md.add("");
            md.add("Not in the tables above: interrupted runs continue when the sweep is run again; delete a damaged run's "
                    + "directory to have the sweep redo it.");
            md.add("");
            failed.forEach(f -> md.add("- " + f));
        }
        Files.write(dir.resolve("report.md"), md);
        removeOldPlots(dir);
        SweepPlots.write(dir, groups, declared.figures(columns));
        SweepPlots.samples(dir, finals);
        return failed;
    }

    /** The summary table of the report in {@code dir} as written (without the sentence under it), for the console. */
    public static String summary(Path dir) throws IOException {
        return String.join("\n", Files.readAllLines(dir.resolve("report.md")).stream().takeWhile(l -> !l.startsWith("## "))
                .filter(l -> l.startsWith("|")).toList());
    }

    /** Deletes the per-column plots ({@code plot-<column>-vs-iteration.png}, {@code -vs-time.png}) of earlier reports. */
    private static void removeOldPlots(Path dir) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "plot-*-vs-{iteration,time}.png")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * {@code report.csv}: per variant, its axis values, the runs reported, every column's final mean and standard
     * deviation over seeds, the training time, the time to the target, and the summary's rank, each key column's
     * n, 95% half width and floor ratio, and the test against the best.
     */
    private static void writeCsv(Path file, SweepPlan plan, List<VariantRuns> groups, List<String> columns, List<String> keys,
            List<SummaryTable.Row> summary, SweepConfig.Target target) throws IOException {
        List<String> header = new ArrayList<>();
        if (!plan.named().isEmpty()) {
            header.add("variant");
        }
        header.addAll(plan.axes().keySet());
        header.add("runs");
        for (String m : columns) {
            header.add(m + "_mean");
            header.add(m + "_std");
        }
        header.addAll(List.of("train_s_mean", "reach_s_mean", "reached", "rank"));
        for (String k : keys) {
            header.addAll(List.of(k + "_n", k + "_ci95"));
            if (columns.contains(k + MetricColumns.FLOOR)) {
                header.add(k + "_floor_ratio");
            }
        }
        header.addAll(List.of("vs_best_p", "vs_best"));
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", header));
        List<SweepPlan.Variant> variants = plan.variants();
        for (int i = 0; i < groups.size(); i++) {
            VariantRuns g = groups.get(i);
            SweepPlan.Variant v = variants.get(i);
            SummaryTable.Row s = summary.stream().filter(r -> r.runs() == g).findFirst().orElseThrow();
            List<String> row = new ArrayList<>();
            if (!plan.named().isEmpty()) {
                row.add(v.label());
            }
            plan.axes().keySet().forEach(k -> row.add(v.values().get(k)));
            row.add(g.tables().size() + "/" + g.planned());
            for (String m : columns) {
                SeedStats st = SeedStats.of(g.finals(m));
                row.add(num(st.mean()));
                row.add(num(st.n() == 1 ? 0 : st.sd()));
            }
            row.add(num(VariantRuns.mean(g.finals("train_s"))));
            double[] reach = g.reach(target);
            row.add(num(VariantRuns.mean(reach)));
            row.add(reach.length + "/" + g.tables().size());
            row.add(g.tables().isEmpty() ? "" : String.valueOf(summary.indexOf(s) + 1));
            for (String k : keys) {
                row.add(String.valueOf(s.stats().get(k).n()));
                row.add(num(s.stats().get(k).half()));
                if (columns.contains(k + MetricColumns.FLOOR)) {
                    row.add(num(s.floorRatio().getOrDefault(k, Double.NaN)));
                }
            }
            row.add(num(s.p()));
            row.add(s.verdict());
            lines.add(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList()));
        }
        Files.write(file, lines);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
