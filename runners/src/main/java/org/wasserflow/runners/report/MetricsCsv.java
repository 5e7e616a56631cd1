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

    private MetricsCsv(BufferedWriter out, List<String> columns) {
        this.out = out;
        this.columns = columns;
    }

    /**
     * Continues {@code file} after a checkpoint at {@code iteration}: rows logged after it (by a run that went on
     * and was stopped before its next checkpoint) are dropped, then rows are appended under the same header.
     */
    public static MetricsCsv resume(Path file, long iteration) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IOException(file + " has no header to continue");
        }
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            if (Double.parseDouble(line.substring(0, line.indexOf(','))) <= iteration) {
                kept.add(line);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, kept);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new MetricsCsv(Files.newBufferedWriter(file, java.nio.file.StandardOpenOption.APPEND),
                new ArrayList<>(List.of(lines.get(0).split(","))));
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
