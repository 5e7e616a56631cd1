package org.wasserflow.problems.readers;

/**
 * Rows read from a data file: {@code rows x columns} float values, row-major, and optionally one integer label
 * per row. The arrays are held as given (readers hand over fresh arrays); {@link #values()} and
 * {@link #labels()} return them without copying, so callers must not modify them unless they own the table.
 *
 * @param values {@code [rows * columns]}, row after row
 * @param columns the number of values per row, at least 1
 * @param labels {@code [rows]}, or null for unlabelled rows
 */
public record Table(float[] values, int columns, int[] labels) {

    public Table {
        if (columns < 1 || values.length % columns != 0) {
            throw new IllegalArgumentException(values.length + " values do not make rows of " + columns + " columns");
        }
        if (labels != null && labels.length * (long) columns != values.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + values.length / columns + " rows");
        }
    }

    /** The number of rows. */
    public int rows() {
        return values.length / columns;
    }

    /** Whether the rows carry labels. */
    public boolean labelled() {
        return labels != null;
    }

    /** This table's values with {@code labels} (of the same row count) attached. */
    public Table withLabels(int[] newLabels) {
        return new Table(values, columns, newLabels);
    }
}
