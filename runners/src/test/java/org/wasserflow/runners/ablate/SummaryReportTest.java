package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's summary on synthetic run directories: ranking in the declared direction, 95% t-intervals, the
 * floor ratio, Welch's decision against the best, time to target, the learning-curve table and the figures.
 */
class SummaryReportTest {

    /** t(0.975, 2), from tables. */
    private static final double T2 = 4.302652729749462;

    @TempDir
    Path tmp;

    /** Final w2 (and hq) of seeds 1..3 of K-1, K-2, K-3. */
    private static final double[][] W2 = {{0.10, 0.12, 0.11}, {0.30, 0.32, 0.31}, {0.09, 0.15, 0.12}};
    private static final double[][] HQ = {{0.50, 0.52, 0.51}, {0.90, 0.92, 0.91}, {0.49, 0.55, 0.52}};

    private Path sweep(List<String> extra, int seeds) throws IOException {
        Path dir = tmp.resolve("sweep");
        Files.createDirectories(dir);
        List<String> plan = new ArrayList<>(List.of("# wasserflow sweep plan", "ablate.grid.flow.K = 1,2,3",
                "ablate.seeds = " + seeds, "ablate.target = w2<=0.2"));
        plan.addAll(extra);
        Files.write(dir.resolve("sweep.properties"), plan);
        List<PlannedRun> runs = AblateCommand.plan(SweepPlan.load(null, List.of("K=1,2,3", "seeds=" + seeds)), dir);
        for (PlannedRun r : runs) {
            int v = (int) Long.parseLong(r.variant().substring("flow.K-".length())) - 1;
            int s = (int) r.seed() - 1;
            Files.createDirectories(r.dir());
            Files.write(r.dir().resolve("metrics.csv"), List.of("iteration,train_s,w2,w2_floor,hq,critic_gap",
                    "0,0.0,0.9,0.05,0.0,1.0", "100," + (10 + s) + ",0.5,0.05,0.2,1.0", "200," + (20 + s) + "," + W2[v][s] + ",0.05," + HQ[v][s] + ",2.0"));
            Files.write(r.dir().resolve("provenance.properties"), List.of("better.hq = higher", "better.w2 = lower", "better.w2_floor = neither",
                    "columns.modes = hq", "columns.w2 = w2,w2_floor", "status = completed"));
            BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
            ImageIO.write(img, "png", r.dir().resolve("samples.png").toFile());
        }
        new ReportCommand(dir).execute();
        return dir;
    }

    private static List<String> summaryRows(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("report.md")).stream().takeWhile(l -> !l.startsWith("## "))
                .filter(l -> l.startsWith("| ") && !l.startsWith("| rank") && !l.startsWith("| ---")).toList();
    }

    @Test
    void ranksByTheFirstMetricWithIntervalsFloorRatioAndWelch() throws IOException {
        Path dir = sweep(List.of(), 3);
        List<String> md = Files.readAllLines(dir.resolve("report.md"));
        assertTrue(md.get(2).startsWith("| rank | variant | n | w2 (mean ± 95% CI) | w2 / floor | hq (mean ± 95% CI) |"), md.get(2));
        List<String> rows = summaryRows(dir);
        assertEquals(3, rows.size(), String.join("\n", md));
        // lower w2 is better: K-1 (0.11) before K-3 (0.12) before K-2 (0.31); sd of K-1 is 0.01, of K-3 0.03
        assertTrue(rows.get(0).startsWith("| 1 | flow.K-1 | 3/3 | 0.1100 ± " + String.format(java.util.Locale.ROOT, "%.4g", T2 * 0.01 / Math.sqrt(3))
                + " | 2.20 |"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| 2 | flow.K-3 | 3/3 | 0.1200 ± " + String.format(java.util.Locale.ROOT, "%.4g", T2 * 0.03 / Math.sqrt(3))
                + " | 2.40 |"), rows.get(1));
        assertTrue(rows.get(2).startsWith("| 3 | flow.K-2 | 3/3 | 0.3100 ± "), rows.get(2));
        assertTrue(rows.get(0).endsWith("| 21.00 (3/3) | best |"), rows.get(0));
        // Welch: K-3 vs K-1, t = 0.01 / sqrt(0.03^2/3 + 0.01^2/3) = 0.55, not significant; K-2 vs K-1, t = 24.5
        assertTrue(rows.get(1).endsWith("| 21.00 (3/3) | no (p=0.63) |"), rows.get(1));
        assertTrue(rows.get(2).endsWith("| - (0/3) | yes (p=1.6e-05) |"), rows.get(2));
        assertTrue(md.get(2).endsWith("| hq (mean ± 95% CI) | train s to w2<=0.2 (seeds) | differs from best (w2) |"),
                "the training diagnostic critic_gap is not a key metric: " + md.get(2));
        assertTrue(md.stream().anyMatch(l -> l.contains("Welch's two-sided t-test")), "the test is stated");
        assertTrue(md.contains("## Every run"), "the per-run table follows");
        List<String> csv = Files.readAllLines(dir.resolve("report.csv"));
        List<String> head = Arrays.asList(csv.get(0).split(","));
        assertTrue(head.containsAll(List.of("critic_gap_mean", "rank", "w2_ci95", "w2_floor_ratio", "hq_ci95", "vs_best_p", "vs_best")), csv.get(0));
        List<String> k1 = Arrays.asList(csv.get(1).split(","));
        assertEquals("1", k1.get(head.indexOf("rank")));
        assertEquals(T2 * 0.01 / Math.sqrt(3), Double.parseDouble(k1.get(head.indexOf("w2_ci95"))), 1e-5);
        assertEquals("2.200", k1.get(head.indexOf("w2_floor_ratio")));
        assertEquals("3", Arrays.asList(csv.get(2).split(",")).get(head.indexOf("rank")));
    }

    @Test
    void aHigherIsBetterRankColumnRanksDescending() throws IOException {
        Path dir = sweep(List.of("ablate.rank = hq"), 3);
        List<String> rows = summaryRows(dir);
        assertTrue(rows.get(0).startsWith("| 1 | flow.K-2 |"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| 2 | flow.K-3 |"), rows.get(1));
        assertTrue(rows.get(2).startsWith("| 3 | flow.K-1 |"), rows.get(2));
        // Welch, K-3 against K-2 on hq: t = -21.4, p = 0.00078 (scipy.stats.ttest_ind, equal_var=False)
        assertTrue(rows.get(1).endsWith("| yes (p=0.00078) |"), rows.get(1));
    }

    @Test
    void oneSeedIsTooFewForTheTest() throws IOException {
        Path dir = sweep(List.of(), 1);
        List<String> rows = summaryRows(dir);
        assertTrue(rows.get(0).startsWith("| 1 | flow.K-3 | 1/1 | 0.09000 | 1.80 |"), rows.get(0));
        assertTrue(rows.get(1).endsWith("| n too small |"), rows.get(1));
    }

    @Test
    void tableAtGivesTheMetricAtIterationsAndTheReportOverridesTheSweep() throws IOException {
        Path dir = sweep(List.of("ablate.table_at = 100,200"), 3);
        List<String> md = Files.readAllLines(dir.resolve("report.md"));
        int at = md.indexOf("## w2 at iterations 100, 200");
        assertTrue(at > 0, String.join("\n", md));
        assertEquals("| variant | seeds | w2 @ 100 | w2 @ 200 | train s @ 200 | lowest w2 | train s to w2<=0.2 (seeds) |", md.get(at + 2));
        assertEquals("| flow.K-1 | 3 | 0.500 ± 0.000 | 0.110 ± 0.010 | 21 | 0.100 | 21 (3/3) |", md.get(at + 4));
        assertEquals("| flow.K-2 | 3 | 0.500 ± 0.000 | 0.310 ± 0.010 | 21 | 0.300 | - (0/3) |", md.get(at + 5));
        new ReportCommand(dir, List.of("ablate.table_at=100", "ablate.rank=hq")).execute();
        md = Files.readAllLines(dir.resolve("report.md"));
        assertTrue(md.contains("## hq at iterations 100"), String.join("\n", md));
    }

    @Test
    void oneFigurePerMetricAndASamplesGrid() throws IOException {
        Path dir = sweep(List.of(), 3);
        Files.createFile(dir.resolve("plot-w2-vs-time.png"));
        new ReportCommand(dir).execute();
        List<String> pngs;
        try (Stream<Path> files = Files.list(dir)) {
            pngs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
        // w2 and its floor in one figure, hq (the modes metric) in another; the diagnostic critic_gap in none; the old plot gone
        assertEquals(List.of("plot-modes.png", "plot-w2.png", "samples-grid.png"), pngs);
        BufferedImage grid = ImageIO.read(dir.resolve("samples-grid.png").toFile());
        assertEquals(3 * 420, grid.getWidth(), "three variants side by side");
    }
}
