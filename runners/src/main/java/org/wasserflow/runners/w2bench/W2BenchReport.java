package org.wasserflow.runners.w2bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.flow.RunPlan;

/**
 * The results of {@link W2BenchCommand}: {@code w2bench.csv} (columns {@code dim,potential,l2_uvp,cosine,fit_s}, one row
 * per dimension and estimator or baseline), {@code report.md} (the tables by dimension, the fit budget and every
 * estimator's settings) and {@code l2_uvp.png} (L2-UVP against D per estimator, both axes logarithmic).
 */
final class W2BenchReport {

    static final String CSV = "w2bench.csv";
    static final String MARKDOWN = "report.md";
    static final String PLOT = "l2_uvp.png";

    /**
     * One score.
     *
     * @param dim the dimension D
     * @param potential the estimator or baseline
     * @param l2uvp L2-UVP, percent
     * @param cosine cosine similarity of the displacements
     * @param fitSeconds seconds of fitting and mapping x_test (0 for the identity)
     * @param derived the values the estimator derived in this dimension ({@link org.wasserflow.api.PotentialEstimator#provenance()},
     *     e.g. a learning rate set to {@code auto}); empty for the baselines
     */
    record Row(int dim, String potential, double l2uvp, double cosine, double fitSeconds, Map<String, String> derived) {

        Row {
            derived = Map.copyOf(derived);
        }
    }

    private final Path out;
    private final Path root;
    private final int iterations;
    private final int batch;
    private final long seed;
    private final Map<String, RunPlan> plans;
    private final List<Row> rows = new ArrayList<>();

    W2BenchReport(Path out, Path root, int iterations, int batch, long seed, Map<String, RunPlan> plans) {
        this.out = out;
        this.root = root;
        this.iterations = iterations;
        this.batch = batch;
        this.seed = seed;
        this.plans = plans;
    }

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Writes the three files from the rows so far. */
    void write() throws IOException {
        Files.createDirectories(out);
        List<String> csv = new ArrayList<>();
        csv.add("dim,potential,l2_uvp,cosine,fit_s");
        for (Row r : rows) {
            csv.add(String.format(Locale.ROOT, "%d,%s,%.6g,%.6g,%.3f", r.dim(), r.potential(), r.l2uvp(), r.cosine(), r.fitSeconds()));
        }
        Files.write(out.resolve(CSV), csv);
        Files.writeString(out.resolve(MARKDOWN), markdown());
        plot();
    }

    private String markdown() {
        Set<Integer> dims = new TreeSet<>();
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> {
            dims.add(r.dim());
            names.add(r.potential());
        });
        StringBuilder b = new StringBuilder("# W2 benchmark: " + root + "\n\n");
        b.append("Maps from P to Q scored against the optimal map T* on x_test (Korotin et al. 2021). L2-UVP = 100 * mean |T_hat(x) - T*(x)|^2 / Var(Q),"
                + " in percent (the constant map E[Q] scores about 100); cosine = <T_hat - id, T* - id> / (|T_hat - id| |T* - id|) in L2(P)"
                + " over x_test (0 for the identity, as the benchmark reports it).\n\n");
        b.append(String.format(Locale.ROOT, "Fit budget: %d calls of fit per estimator, each on unpaired batches of %d rows of x_train and y_train"
                + " (seed %d). T_hat(x) = x + v(x), the velocity at x_test with step 1; exact-ot and sinkhorn, which keep no fitted state,"
                + " transport x_test onto as many rows of y_train drawn without replacement. Baselines: identity; linear, the Gaussian"
                + " (Bures) map between the Gaussian fits of x_train and y_train; discrete-ot, the exact assignment of x_test to the first"
                + " rows of y_train. Seconds: all fit calls plus the map at x_test.%n%n", iterations, batch, seed));
        table(b, "L2-UVP (%)", dims, names, Row::l2uvp, "%.2f");
        table(b, "cosine", dims, names, Row::cosine, "%.3f");
        table(b, "seconds", dims, names, Row::fitSeconds, "%.1f");
        b.append("## Estimator settings\n\n");
        plans.forEach((name, plan) -> {
            Map<String, String> resolved = plan.resolved();
            List<String> keys = new ArrayList<>();
            for (SettingGroup g : plan.plugin("potential").settings()) {
                for (Setting<?> s : g.settings()) {
                    keys.add(s.key() + "=" + resolved.get(s.key()));
                }
            }
            b.append("- `").append(name).append("`: ").append(keys.isEmpty() ? "no settings" : "`" + String.join(" ", keys) + "`").append('\n');
            rows.stream().filter(r -> r.potential().equals(name) && !r.derived().isEmpty()).forEach(r -> b.append("  - used in D=")
                    .append(r.dim()).append(": `").append(new TreeMap<>(r.derived()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" "))).append("`\n"));
        });
        return b.toString();
    }

    private void table(StringBuilder b, String title, Set<Integer> dims, Set<String> names, ToDoubleFunction<Row> value, String format) {
        b.append("## ").append(title).append("\n\n| estimator |");
        dims.forEach(d -> b.append(" D=").append(d).append(" |"));
        b.append("\n|---|");
        dims.forEach(d -> b.append("---|"));
        b.append('\n');
        for (String name : names) {
            b.append("| ").append(name).append(" |");
            for (int d : dims) {
                b.append(rows.stream().filter(r -> r.dim() == d && r.potential().equals(name)).findFirst()
                        .map(r -> " " + String.format(Locale.ROOT, format, value.applyAsDouble(r)) + " |").orElse(" |"));
            }
            b.append('\n');
        }
        b.append('\n');
    }

    private void plot() throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title("W2 benchmark: L2-UVP against dimension")
                .xAxisTitle("dimension D").yAxisTitle("L2-UVP (%)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, List<Row>> byName = new LinkedHashMap<>();
        rows.stream().filter(r -> r.l2uvp() > 0).forEach(r -> byName.computeIfAbsent(r.potential(), k -> new ArrayList<>()).add(r));
        byName.forEach((name, list) -> chart.addSeries(name, list.stream().mapToDouble(Row::dim).toArray(),
                list.stream().mapToDouble(Row::l2uvp).toArray()).setMarker(SeriesMarkers.CIRCLE));
        if (!byName.isEmpty()) {
            BitmapEncoder.saveBitmap(chart, out.resolve(PLOT).toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
