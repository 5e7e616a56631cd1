package org.wasserflow.runners.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG scatter plots of 2-D samples, drawn headless with XChart. */
public final class ScatterPlot {

    private ScatterPlot() {
    }

    /**
     * Writes data (grey) and generated (blue) samples to {@code png}.
     *
     * @param data row-major {@code [n, 2]}
     * @param generated row-major {@code [m, 2]}
     */
    public static void write(Path png, String title, double[] data, double[] generated) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(700).height(700).title(title).xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        series(chart, "data", data, new Color(150, 150, 150, 120));
        series(chart, "generated", generated, new Color(30, 90, 200, 140));
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void series(XYChart chart, String name, double[] xy, Color color) {
        double[] x = new double[xy.length / 2];
        double[] y = new double[xy.length / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }
}
