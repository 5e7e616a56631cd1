package org.wasserflow.problems.laws;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.problems.readers.CsvReader;
import org.wasserflow.problems.readers.DataFiles;

/**
 * The rows of a delimited text file (read by {@link CsvReader}): the selected columns as float values, any
 * number of them, optionally labelled by an integer column and standardised per column. A header row is
 * detected ({@code header=auto}: a first row with any non-numeric cell; one of exactly the column indices
 * {@code 0,1,...} is refused as ambiguous) or declared. Provenance:
 * {@code law.path}, {@code law.sha256}, {@code law.rows}, {@code law.columns} (the dimension),
 * {@code law.column_names} (the selected columns), {@code law.label_column} when labelled and the
 * standardisation.
 */
public final class CsvLaw extends FileLaw {

    /** The name this law is registered under. */
    public static final String NAME = "csv";

    public static final Setting<String> PATH = Setting.text("law.path", "").describe("the CSV file, one row per sample");
    public static final Setting<String> HEADER = Setting.choice("law.header", "auto", "auto", "true", "false")
            .describe("whether the first row names the columns; auto: yes if any of its cells is not a number, and a first row"
                    + " of exactly the column indices 0,1,... (pandas' header for unnamed columns) is refused as ambiguous");
    public static final Setting<String> COLUMNS = Setting.text("law.columns", "")
            .describe("comma-separated column names or 0-based indices to read; empty: every column but the label column");
    public static final Setting<String> LABEL_COLUMN = Setting.text("law.label_column", "")
            .describe("the column of integer labels, by name or 0-based index; empty for unlabelled rows");
    public static final Setting<String> DELIMITER = Setting.text("law.delimiter", ",")
            .constrain(v -> v.length() == 1 || v.equals("tab") || v.equals("\\t"), "one character, or tab")
            .describe("the field separator: one character, or tab");
    public static final Setting<Boolean> STANDARDIZE = Setting.flag("law.standardize", false)
            .describe("subtract each column's mean and divide by its std (a constant column is only centred)");
    /** Its keys, under the role's prefix ({@code data.path}). */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "CSV data file", PATH, HEADER, COLUMNS, LABEL_COLUMN,
            DELIMITER, STANDARDIZE);

    @Inject
    public CsvLaw(Settings settings) {
        super(read(settings));
    }

    private static Contents read(Settings settings) {
        String key = settings.keyOf(PATH);
        Path file = DataFiles.require(settings.get(PATH), key, "a CSV file");
        String delimiter = settings.get(DELIMITER);
        char separator = delimiter.length() == 1 ? delimiter.charAt(0) : '\t';
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new ConfigException(settings.keyOf(DELIMITER), delimiter, "a field separator other than a quote or line break");
        }
        CsvReader.Spec spec = new CsvReader.Spec(key, settings.get(HEADER), settings.keyOf(HEADER), settings.get(COLUMNS), settings.keyOf(COLUMNS),
                settings.get(LABEL_COLUMN), settings.keyOf(LABEL_COLUMN), separator);
        CsvReader.Result result = CsvReader.read(file, spec);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put(Law.PREFIX + ".path", file.toString());
        provenance.put(Law.PREFIX + ".sha256", DataFiles.sha256(file, key));
        provenance.put(Law.PREFIX + ".header", String.valueOf(result.header()));
        provenance.put(Law.PREFIX + ".column_names", String.join(",", result.names()));
        if (result.table().labelled()) {
            provenance.put(Law.PREFIX + ".label_column", settings.get(LABEL_COLUMN));
        }
        if (settings.get(STANDARDIZE)) {
            standardize(result.table(), provenance);
        }
        return new Contents(result.table(), provenance);
    }
}
