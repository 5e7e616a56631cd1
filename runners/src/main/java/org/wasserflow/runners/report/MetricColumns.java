package org.wasserflow.runners.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wasserflow.api.Metric;

/**
 * What a sweep's runs recorded about their metric columns in {@code provenance.properties} at training time
 * ({@link Provenance#BETTER}, {@link Provenance#COLUMNS}): which way each column improves and which metric
 * gave it, so that the report ranks and plots without constructing any plugin. A column no run recorded (runs
 * trained before these entries existed) counts as lower-is-better unless it is a floor ({@code <col>_floor},
 * neither), and forms a figure of its own with its floor; where runs recorded their metrics, an unrecorded column
 * is a training diagnostic, neither ranked nor plotted.
 *
 * @param better each recorded column's direction
 * @param byMetric each recorded metric's columns, in the order of the runs' {@code metrics=}
 */
public record MetricColumns(Map<String, Metric.Better> better, Map<String, List<String>> byMetric) {

    /** Suffix of a metric's data-vs-data floor column. */
    public static final String FLOOR = "_floor";

    /** Reads the provenance of the run directories {@code runs}; unreadable files are skipped. */
    public static MetricColumns read(List<Path> runs) {
        Map<String, Metric.Better> better = new LinkedHashMap<>();
        Map<String, List<String>> byMetric = new LinkedHashMap<>();
        for (Path dir : runs) {
            List<String> lines;
            try {
                lines = Files.readAllLines(dir.resolve("provenance.properties"));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (String line : lines) {
                int eq = line.indexOf(" = ");
                if (eq <= 0) {
                    continue;
                }
                String key = line.substring(0, eq);
                String value = line.substring(eq + 3).strip();
                if (key.startsWith(Provenance.BETTER)) {
                    try {
                        better.putIfAbsent(key.substring(Provenance.BETTER.length()), Metric.Better.valueOf(value.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        // a damaged entry: the column falls back to the default direction
                    }
                } else if (key.startsWith(Provenance.COLUMNS) && !value.isEmpty()) {
                    byMetric.putIfAbsent(key.substring(Provenance.COLUMNS.length()), List.of(value.split(",")));
                }
            }
        }
        return new MetricColumns(better, byMetric);
    }

    /**
     * Which way {@code column} improves: as recorded; a column the runs did not record although they recorded
     * others is a training diagnostic (neither); with nothing recorded, neither for a floor and lower for any other.
     */
    public Metric.Better of(String column) {
        if (!better.isEmpty()) {
            return better.getOrDefault(column, Metric.Better.NEITHER);
        }
        return column.endsWith(FLOOR) ? Metric.Better.NEITHER : Metric.Better.LOWER;
    }

    /** The columns among {@code columns} that rank runs: those that improve one way (no floors), in order. */
    public List<String> key(List<String> columns) {
        return columns.stream().filter(c -> of(c) != Metric.Better.NEITHER).toList();
    }

    /**
     * One figure per metric: its name with its columns among {@code columns}; a metric column that no recorded
     * metric claims (or any column, for runs that recorded nothing) gets a figure of its own with its floor, named
     * after it. Training diagnostics of runs that recorded their metrics get none.
     */
    public Map<String, List<String>> figures(List<String> columns) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> claimed = new ArrayList<>();
        byMetric.forEach((metric, cols) -> {
            List<String> present = cols.stream().filter(columns::contains).toList();
            if (!present.isEmpty()) {
                out.put(metric, present);
                claimed.addAll(present);
            }
        });
        for (String c : columns) {
            if (!claimed.contains(c) && !c.endsWith(FLOOR) && (byMetric.isEmpty() || better.containsKey(c))) {
                List<String> cols = new ArrayList<>(List.of(c));
                if (columns.contains(c + FLOOR) && !claimed.contains(c + FLOOR)) {
                    cols.add(c + FLOOR);
                }
                out.put(c, cols);
            }
        }
        return out;
    }
}
