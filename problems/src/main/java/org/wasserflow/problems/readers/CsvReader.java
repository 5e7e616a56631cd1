package org.wasserflow.problems.readers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.wasserflow.api.ConfigException;

/**
 * Numeric tables in delimited text, parsed by Apache Commons CSV (quotes, surrounding blanks and empty lines
 * handled as it does). The first row is a header when {@code header} says so; {@code auto} takes it for one
 * when any of its cells is not a number, and refuses a first row that is exactly the column indices
 * {@code 0,1,...} (the header pandas' {@code to_csv} writes for unnamed columns, and also a possible data row),
 * asking for {@code header=true} or {@code false}. Every data row must have as many fields as the first row; only the
 * selected columns and the label column are parsed, so other columns may hold text.
 */
public final class CsvReader {

    /**
     * What to read and the configured keys to name in errors.
     *
     * @param pathKey the key of the file, named for problems in its contents
     * @param header {@code auto}, {@code true} or {@code false}
     * @param headerKey the key of {@code header}
     * @param columns comma-separated names or 0-based indices; empty for every column except the label column
     * @param columnsKey the key of {@code columns}
     * @param labelColumn a name or 0-based index; empty for unlabelled rows
     * @param labelKey the key of {@code labelColumn}
     * @param delimiter the field separator
     */
    public record Spec(String pathKey, String header, String headerKey, String columns, String columnsKey, String labelColumn, String labelKey,
            char delimiter) {
    }

    /**
     * What was read.
     *
     * @param table the selected columns as float rows, with labels if a label column was given
     * @param names the selected columns' names (header names, or indices without a header), in order
     * @param header whether the first row was taken for a header
     */
    public record Result(Table table, List<String> names, boolean header) {
    }

    private CsvReader() {
    }

    /**
     * Reads {@code file} (absolute, checked by {@link DataFiles#require}).
     *
     * @throws ConfigException naming the key at fault and the file: the path key with the line (and column) for
     *     an empty file, no data rows, ragged rows, non-numbers, values not finite in float and non-integer
     *     labels; the columns or label key, listing the file's columns, for a column that does not exist
     */
    public static Result read(Path file, Spec spec) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DataFiles.unreadable(spec.pathKey(), file, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Lines lines = new Lines(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(spec.delimiter()).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw DataFiles.bad(spec.pathKey(), file, "", "not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw DataFiles.bad(spec.pathKey(), file, "", "the file is empty (expected rows of numbers)");
        }
        CSVRecord first = records.get(0);
        boolean header = switch (spec.header()) {
            case "true" -> true;
            case "false" -> false;
            default -> autoHeader(first, file, spec, lines);
        };
        int width = first.size();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            names.add(header ? first.get(j) : String.valueOf(j));
        }
        Columns columns = new Columns(file, names, header);
        int label = spec.labelColumn().isEmpty() ? -1 : columns.index(spec.labelColumn(), spec.labelKey());
        int[] selected = selection(spec, columns, label, width);
        if (records.size() == (header ? 1 : 0)) {
            throw DataFiles.bad(spec.pathKey(), file, "", "no data rows (only a header: " + names + ")");
        }
        int n = records.size() - (header ? 1 : 0);
        float[] values = new float[Math.multiplyExact(n, selected.length)];
        int[] labels = label < 0 ? null : new int[n];
        for (int i = 0; i < n; i++) {
            CSVRecord r = records.get(i + (header ? 1 : 0));
            int line = lines.of(r.getCharacterPosition());
            if (r.size() != width) {
                throw DataFiles.bad(spec.pathKey(), file, "line " + line, "found " + r.size() + " fields, expected " + width
                        + " (as on line " + lines.of(first.getCharacterPosition()) + ")");
            }
            for (int k = 0; k < selected.length; k++) {
                String where = "line " + line + ", column " + columns.describe(selected[k]);
                values[i * selected.length + k] = EslReader.value(r.get(selected[k]), spec.pathKey(), file, where);
            }
            if (labels != null) {
                labels[i] = label(r.get(label), spec.pathKey(), file, "line " + line + ", column " + columns.describe(label));
            }
        }
        List<String> chosen = Arrays.stream(selected).mapToObj(names::get).toList();
        return new Result(new Table(values, selected.length, labels), chosen, header);
    }

    private static int[] selection(Spec spec, Columns columns, int label, int width) {
        if (!spec.columns().isEmpty()) {
            return Arrays.stream(spec.columns().split(",")).map(String::strip).mapToInt(c -> columns.index(c, spec.columnsKey())).toArray();
        }
        int[] all = java.util.stream.IntStream.range(0, width).filter(j -> j != label).toArray();
        if (all.length == 0) {
            throw new ConfigException(spec.columnsKey(), spec.columnsKey() + ": " + columns.file + " has no column besides the label column "
                    + columns.describe(label));
        }
        return all;
    }

    private static int label(String cell, String key, Path file, String where) {
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw DataFiles.bad(key, file, where, "label '" + cell + "' is not an integer");
        }
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw DataFiles.bad(key, file, where, "label '" + cell + "' is not an integer");
        }
        return (int) v;
    }

    /**
     * {@code header=auto}: a first row with a cell that is not a number is a header, one of numbers is data, and
     * one spelling exactly the column indices {@code 0,1,...,w-1} is refused as ambiguous.
     */
    private static boolean autoHeader(CSVRecord first, Path file, Spec spec, Lines lines) {
        if (first.stream().anyMatch(cell -> !numeric(cell))) {
            return true;
        }
        boolean indices = true;
        for (int j = 0; j < first.size(); j++) {
            indices &= first.get(j).equals(String.valueOf(j));
        }
        if (indices) {
            throw DataFiles.bad(spec.headerKey(), file, "line " + lines.of(first.getCharacterPosition()), "the first row '"
                    + String.join(String.valueOf(spec.delimiter()), first.toList()) + "' reads both as column indices (the header pandas'"
                    + " to_csv writes for unnamed columns) and as data; set " + spec.headerKey() + "=true to take it for a header or "
                    + spec.headerKey() + "=false for data");
        }
        return false;
    }

    /** Whether {@code cell} reads as a number (for {@code header=auto}). */
    static boolean numeric(String cell) {
        try {
            Double.parseDouble(cell);
            return !cell.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The file's columns, by header name or 0-based index. */
    private record Columns(Path file, List<String> names, boolean header) {

        int index(String token, String key) {
            int named = header ? names.indexOf(token) : -1;
            if (named >= 0) {
                return named;
            }
            if (token.matches("\\d+") && token.length() < 10 && Integer.parseInt(token) < names.size()) {
                return Integer.parseInt(token);
            }
            String known = header ? "its columns are " + names + " (or 0-based indices 0.." + (names.size() - 1) + ")"
                    : "it has no header; name columns by 0-based index 0.." + (names.size() - 1);
            throw new ConfigException(key, key + ": no column '" + token + "' in " + file + ": " + known);
        }

        String describe(int j) {
            return header ? "'" + names.get(j) + "' (index " + j + ")" : String.valueOf(j);
        }
    }

    /** Line numbers of character positions. */
    private static final class Lines {

        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The 1-based line of the record starting at character {@code position}; the parser reports a record
         * after skipped empty lines at the first of them, so line breaks there are passed over.
         */
        int of(long position) {
            int p = (int) position;
            while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
                p++;
            }
            int k = Arrays.binarySearch(starts, p);
            return (k >= 0 ? k : -k - 2) + 1;
        }
    }
}
