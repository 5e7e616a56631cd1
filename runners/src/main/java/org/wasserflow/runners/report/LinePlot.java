package org.wasserflow.runners.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG line charts, one line per named series, drawn headless with XChart. */
public final class LinePlot {

    private LinePlot() {
    }

    /**
     * Writes the series to {@code png}.
     *
     * @param series name to {@code {x, y}} arrays of equal length
     */
    public static void write(Path png, String title, String xTitle, String yTitle, Map<String, double[][]> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(4);
        for (Map.Entry<String, double[][]> s : series.entrySet()) {
            if (s.getValue()[0].length > 0) {
                chart.addSeries(s.getKey(), s.getValue()[0], s.getValue()[1]).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
