package org.wasserflow.runners.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A sweep's figures: {@code plot-<metric>.png} for each metric, one panel per column, each variant's mean curve
 * over seeds against iterations with a shaded band from the lowest to the highest seed, the metric's floor (mean
 * over all runs) as a dashed line, and a log y-axis where the plotted values span more than a decade; and
 * {@code samples-grid.png}, each variant's first reported seed's {@code samples.png} side by side ({@link #samples}).
 */
final class SweepPlots {

    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127)};
    private static final int TILE = 420;

    private SweepPlots() {
    }

    /** Writes {@code plot-<metric>.png} for each figure (metric name to its columns, floors included). */
    static List<Path> write(Path dir, List<VariantRuns> groups, Map<String, List<String>> figures) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> f : figures.entrySet()) {
            List<BufferedImage> panels = new ArrayList<>();
            for (String column : f.getValue()) {
                if (!column.endsWith(MetricColumns.FLOOR)) {
                    String floor = f.getValue().contains(column + MetricColumns.FLOOR) ? column + MetricColumns.FLOOR : null;
                    XYChart chart = panel(groups, column, floor);
                    if (chart != null) {
                        panels.add(BitmapEncoder.getBufferedImage(chart));
                    }
                }
            }
            if (!panels.isEmpty()) {
                Path png = dir.resolve("plot-" + f.getKey().replaceAll("[^A-Za-z0-9._+-]", "_") + ".png");
                ImageIO.write(stack(panels, 1), "png", png.toFile());
                out.add(png);
            }
        }
        return out;
    }

    /** One column's chart, or null if no run has a finite value of it. */
    private static XYChart panel(List<VariantRuns> groups, String column, String floor) {
        XYChart chart = new XYChartBuilder().width(900).height(480).title(column + ": mean over seeds, band = min-max over seeds")
                .xAxisTitle("iteration").yAxisTitle(column).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        List<Double> plotted = new ArrayList<>();
        int k = 0;
        for (VariantRuns g : groups) {
            Color color = COLORS[k++ % COLORS.length];
            double[][] c = curve(g, column);
            if (c == null) {
                continue;
            }
            double[] bx = new double[2 * c[0].length];
            double[] by = new double[bx.length];
            for (int i = 0; i < c[0].length; i++) {
                bx[i] = c[0][i];
                by[i] = c[3][i];
                bx[bx.length - 1 - i] = c[0][i];
                by[bx.length - 1 - i] = c[2][i];
            }
            XYSeries band = chart.addSeries(g.name() + " band", bx, by);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
            XYSeries mean = chart.addSeries(g.name(), c[0], c[1]);
            mean.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            mean.setLineColor(color);
            mean.setMarker(SeriesMarkers.NONE);
            Arrays.stream(c[2]).forEach(plotted::add);
            Arrays.stream(c[3]).forEach(plotted::add);
        }
        if (plotted.isEmpty()) {
            return null;
        }
        if (floor != null) {
            List<double[][]> floors = groups.stream().map(g -> curve(g, floor)).filter(c -> c != null).toList();
            if (!floors.isEmpty()) {
                double[][] f = floors.get(0);
                XYSeries s = chart.addSeries(floor + " (mean over runs)", f[0], f[1]);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setLineColor(Color.BLACK);
                s.setLineStyle(SeriesLines.DASH_DASH);
                s.setMarker(SeriesMarkers.NONE);
                Arrays.stream(f[1]).forEach(plotted::add);
            }
        }
        double lo = plotted.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(0);
        double hi = plotted.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        boolean positive = plotted.stream().allMatch(v -> v > 0);
        boolean log = positive && hi > 10 * lo;
        chart.getStyler().setYAxisLogarithmic(log);
        if (log) {
            chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
            chart.getStyler().setYAxisDecimalPattern("0.###");
        }
        return chart;
    }

    /**
     * {x, mean, min, max} of {@code column} over the variant's runs at the evaluations they all have (finite
     * values only), or null if there are none.
     */
    static double[][] curve(VariantRuns g, String column) {
        List<MetricsTable> with = g.tables().stream().filter(t -> t.has(column)).toList();
        if (with.isEmpty()) {
            return null;
        }
        int rows = with.stream().mapToInt(t -> t.rows().size()).min().orElse(0);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int r = i;
            double[] v = with.stream().mapToDouble(t -> t.column(column)[r]).filter(Double::isFinite).toArray();
            if (v.length > 0) {
                points.add(new double[] {with.get(0).column("iteration")[r], VariantRuns.mean(v),
                    Arrays.stream(v).min().getAsDouble(), Arrays.stream(v).max().getAsDouble()});
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        double[][] out = new double[4][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < 4; j++) {
                out[j][i] = points.get(i)[j];
            }
        }
        return out;
    }

    /**
     * Writes {@code samples-grid.png}: each variant's final samples ({@link FinalSamples}, a scatter of generated over
     * data points, or a tile grid of images), labelled, three to a row; scatters are scaled to a common width, tile grids
     * are kept pixel for pixel so the digits stay sharp. Null if no run has a {@code samples.png}.
     */
    static Path samples(Path dir, List<FinalSamples> finals) throws IOException {
        List<BufferedImage> tiles = new ArrayList<>();
        for (FinalSamples f : finals) {
            BufferedImage img = ImageIO.read(f.png().toFile());
            if (img != null) {
                tiles.add(labelled(img, f.variant() + " (seed " + f.seed() + ")", f.imageSide() > 0 ? img.getWidth() : TILE));
            }
        }
        if (tiles.isEmpty()) {
            return null;
        }
        Path out = dir.resolve("samples-grid.png");
        ImageIO.write(stack(tiles, Math.min(tiles.size(), 3)), "png", out.toFile());
        return out;
    }

    /** {@code img} scaled to {@code width} (unchanged at its own width) under a bar with {@code label}, framed. */
    private static BufferedImage labelled(BufferedImage img, String label, int width) {
        int h = Math.max(1, img.getHeight() * width / img.getWidth());
        BufferedImage out = new BufferedImage(width, h + 28, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(width == img.getWidth() ? img : img.getScaledInstance(width, h, Image.SCALE_SMOOTH), 0, 28, null);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(label, 8, 20);
        g.setStroke(new BasicStroke(1));
        g.drawRect(0, 0, out.getWidth() - 1, out.getHeight() - 1);
        g.dispose();
        return out;
    }

    /** The images in a grid of {@code columns} columns, row by row, on white. */
    private static BufferedImage stack(List<BufferedImage> images, int columns) {
        int w = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        int rows = (images.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(w * columns, h * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % columns) * w, (i / columns) * h, null);
        }
        g.dispose();
        return out;
    }
}
