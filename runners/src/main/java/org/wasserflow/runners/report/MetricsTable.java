package org.wasserflow.runners.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run's {@code metrics.csv} read back ({@link MetricsCsv} writes it): a header, then one row of numbers per
 * evaluation.
 *
 * @param columns the header
 * @param rows the values, one array per evaluation, in column order
 */
public record MetricsTable(List<String> columns, List<double[]> rows) {

    /** Reads {@code file}; fails naming the file and line if a cell is not a number. */
    public static MetricsTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        List<String> columns = Arrays.asList(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            if (cells.length != columns.size()) {
                throw new IOException(file + " line " + (i + 1) + ": " + cells.length + " cells, header has " + columns.size());
            }
            double[] row = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                try {
                    row[k] = Double.parseDouble(cells[k]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (i + 1) + ": '" + cells[k] + "' is not a number", e);
                }
            }
            rows.add(row);
        }
        return new MetricsTable(List.copyOf(columns), List.copyOf(rows));
    }

    /** Whether the table has a column {@code name} (variants of a sweep may log different diagnostics). */
    public boolean has(String name) {
        return columns.contains(name);
    }

    /** The column {@code name} over all rows; fails naming the known columns if there is none. */
    public double[] column(String name) {
        int k = columns.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        }
        return rows.stream().mapToDouble(r -> r[k]).toArray();
    }

    /** The last row's value of {@code name}. */
    public double last(String name) {
        double[] c = column(name);
        return c[c.length - 1];
    }
}
