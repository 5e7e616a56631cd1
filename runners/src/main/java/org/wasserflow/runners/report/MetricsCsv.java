package org.wasserflow.runners.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics log of a run, one CSV row per evaluation, flushed at every row so that an interrupted run
 * keeps everything logged so far. The header is fixed by the first row.
 */
public final class MetricsCsv implements Closeable {

    private final BufferedWriter out;
    private List<String> columns;

    public MetricsCsv(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file);
    }

    /** Appends a row; later rows must have the same keys as the first. */
    public void append(Map<String, Double> row) throws IOException {
        if (columns == null) {
            columns = new ArrayList<>(row.keySet());
            out.write(String.join(",", columns));
            out.newLine();
        } else if (!columns.equals(new ArrayList<>(row.keySet()))) {
            throw new IllegalArgumentException("CSV columns changed from " + columns + " to " + row.keySet());
        }
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
            double v = row.get(c);
            cells.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6g", v));
        }
        out.write(String.join(",", cells));
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
