package org.wasserflow.problems.readers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.wasserflow.api.ConfigException;

/**
 * Labelled rows in the ESL digits format ({@code zip.train.gz}, {@code zip.test.gz} of Hastie, Tibshirani and
 * Friedman): one row per line, an integer label (written {@code 6} or {@code 6.0000}) then the row's values,
 * separated by blanks; gzipped or not; blank lines are skipped. Any number of values per line, the same on
 * every line (USPS has 256 grey values in [-1, 1]); values are kept as they are.
 */
public final class EslReader {

    private EslReader() {
    }

    /**
     * Reads {@code file} (absolute, checked by {@link DataFiles#require}).
     *
     * @throws ConfigException naming {@code key}, the file and the line: ragged lines, non-numbers, values that
     *     are not finite in float, non-integer labels, or no rows at all
     */
    public static Table read(Path file, String key) {
        FloatBuffer values = new FloatBuffer();
        IntBuffer labels = new IntBuffer();
        int width = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(DataFiles.open(file), StandardCharsets.US_ASCII))) {
            String line;
            int number = 0;
            int firstLine = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] cells = trimmed.split("\\s+");
                if (width < 0) {
                    if (cells.length < 2) {
                        throw DataFiles.bad(key, file, "line " + number, "expected a label and at least one value, found "
                                + cells.length + " field");
                    }
                    width = cells.length;
                    firstLine = number;
                } else if (cells.length != width) {
                    throw DataFiles.bad(key, file, "line " + number, "found " + cells.length + " fields, expected " + width
                            + " (a label and " + (width - 1) + " values, as on line " + firstLine + ")");
                }
                labels.add(label(cells[0], key, file, number));
                for (int k = 1; k < width; k++) {
                    values.add(value(cells[k], key, file, "line " + number + ", field " + (k + 1)));
                }
            }
        } catch (IOException e) {
            throw DataFiles.unreadable(key, file, e);
        }
        if (labels.size() == 0) {
            throw DataFiles.bad(key, file, "", "no rows (expected lines of a label then values)");
        }
        return new Table(values.toArray(), width - 1, labels.toArray());
    }

    /** An integer label in {@code text}, e.g. {@code 6} or {@code 6.0000}. */
    static int label(String text, String key, Path file, int line) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw DataFiles.bad(key, file, "line " + line + ", field 1", "label '" + text + "' is not a number");
        }
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw DataFiles.bad(key, file, "line " + line + ", field 1", "label '" + text + "' is not an integer");
        }
        return (int) v;
    }

    /** A finite float in {@code text}; errors say {@code where}. */
    static float value(String text, String key, Path file, String where) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw DataFiles.bad(key, file, where, "not a number: '" + text + "'");
        }
        float f = (float) v;
        if (!Float.isFinite(f)) {
            throw DataFiles.bad(key, file, where, "value " + text + (Double.isFinite(v) ? " is outside the float range" : " is not finite"));
        }
        return f;
    }
}
