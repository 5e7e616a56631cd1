package org.wasserflow.runners.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;

/**
 * The metrics log of a run, one CSV row per evaluation, flushed at every row so that an interrupted run
 * keeps everything logged so far. The header is fixed by the first row.
 */
public final class MetricsCsv implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsCsv.class);

    private final BufferedWriter out;
    private List<String> columns;

    public MetricsCsv(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private MetricsCsv(BufferedWriter out, List<String> columns) {
        this.out = out;
        this.columns = columns;
    }

    /**
     * Continues {@code file} after a checkpoint at {@code iteration}; the checkpoint is the truth. A last row without
     * its line break (the run was killed while writing it) is dropped with a warning, then rows logged after the
     * checkpoint (by a run that went on and was stopped before its next checkpoint) are dropped, and rows are
     * appended under the same header.
     *
     * @throws ConfigException naming the file, for a missing or empty file (the rows up to the checkpoint cannot be
     *     rebuilt from it) or a complete row whose iteration is not a number; the file is left as it was
     */
    public static MetricsCsv resume(Path file, long iteration) throws IOException {
        String way = "; restore it, or train afresh under another name: wasserflow run " + file.resolveSibling("config.properties")
                + " run.name=<new name>";
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("metrics.csv", file + " is missing: the metrics logged up to the checkpoint at iteration "
                    + iteration + " cannot be rebuilt from the checkpoint" + way);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int complete = text.lastIndexOf('\n') + 1;
        if (complete < text.length()) {
            LOG.warn("{}: dropping its last row '{}', cut short when the run was stopped while writing it", file, text.substring(complete));
        }
        List<String> lines = text.substring(0, complete).lines().toList();
        if (lines.isEmpty()) {
            throw new ConfigException("metrics.csv", file + " holds no header: the metrics logged up to the checkpoint at iteration "
                    + iteration + " are lost" + way);
        }
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            double it;
            try {
                it = Double.parseDouble(comma < 0 ? line : line.substring(0, comma));
            } catch (NumberFormatException e) {
                throw new ConfigException("metrics.csv", file + ", line " + (i + 1) + ": '" + line
                        + "' does not start with an iteration number; repair or delete that line and resume again");
            }
            if (it <= iteration) {
                kept.add(line);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new MetricsCsv(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND),
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
