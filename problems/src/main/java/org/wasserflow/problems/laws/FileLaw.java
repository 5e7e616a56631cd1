package org.wasserflow.problems.laws;

import java.util.random.RandomGenerator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.problems.readers.Table;

/**
 * A finite law holding the rows of a data file, read and checked when the law is constructed: its
 * {@link #size()} is the row count, {@link #rows} returns rows by index and {@link #sample} draws rows
 * uniformly with replacement. Rows are float, one per sample; labels, where the file has them, travel with
 * their rows. The held table is never modified after construction and never handed out: every call returns
 * new arrays.
 */
public abstract class FileLaw implements Law {

    private final Table table;
    private final Map<String, String> provenance;

    /**
     * What a file law read: its rows and what to record about them.
     *
     * @param table the rows, owned by the law from now on (at least one row)
     * @param provenance what to record, in order; {@code law.rows} and {@code law.columns} are added by the law
     */
    protected record Contents(Table table, Map<String, String> provenance) {
    }

    /** A law holding {@code contents}. */
    protected FileLaw(Contents contents) {
        Table table = contents.table();
        Map<String, String> provenance = contents.provenance();
        if (table.rows() == 0) {
            throw new IllegalArgumentException("a file law needs rows");
        }
        this.table = table;
        Map<String, String> p = new LinkedHashMap<>(provenance);
        p.put(PREFIX + ".rows", String.valueOf(table.rows()));
        p.put(PREFIX + ".columns", String.valueOf(table.columns()));
        this.provenance = Collections.unmodifiableMap(p);
    }

    @Override
    public final int dimension() {
        return table.columns();
    }

    @Override
    public final OptionalInt size() {
        return OptionalInt.of(table.rows());
    }

    @Override
    public final boolean labelled() {
        return table.labelled();
    }

    /**
     * The rows at {@code indices}, in that order (repeats allowed): {@code [indices.length, dimension()]}.
     *
     * @throws IndexOutOfBoundsException for an index outside {@code 0..size()-1}
     */
    @Override
    public final Sample rows(int[] indices) {
        int d = table.columns();
        float[] values = table.values();
        int[] labels = table.labels();
        float[] out = new float[indices.length * d];
        int[] y = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = Objects.checkIndex(indices[i], table.rows());
            System.arraycopy(values, r * d, out, i * d, d);
            if (y != null) {
                y[i] = labels[r];
            }
        }
        return new Sample(Nd4j.create(out, new long[] {indices.length, d}, 'c'), y);
    }

    /** {@code m} rows drawn uniformly with replacement from {@code rng} (one {@code nextInt} per row). */
    @Override
    public final Sample sample(int m, RandomGenerator rng) {
        int[] indices = new int[m];
        for (int i = 0; i < m; i++) {
            indices[i] = rng.nextInt(table.rows());
        }
        return rows(indices);
    }

    /** The file's path and SHA-256, {@code law.rows}, {@code law.columns} and whatever the law adds. */
    @Override
    public final Map<String, String> provenance() {
        return provenance;
    }

    /** The side {@code s} with {@code s * s == d}, or empty when {@code d} is not a square: for image laws. */
    protected static OptionalInt squareSide(int d) {
        int root = (int) Math.round(Math.sqrt(d));
        return root * root == d ? OptionalInt.of(root) : OptionalInt.empty();
    }

    /**
     * Standardises {@code table}'s columns in place: subtracts each column's mean and divides by its standard
     * deviation (population, {@code 1/n}); a column of zero deviation is only centred. Records
     * {@code law.standardize=true}, {@code law.means} and {@code law.stds} (comma-separated, per column, before
     * standardisation) in {@code provenance}.
     */
    protected static void standardize(Table table, Map<String, String> provenance) {
        int n = table.rows();
        int d = table.columns();
        float[] v = table.values();
        double[] means = new double[d];
        double[] stds = new double[d];
        for (int k = 0; k < d; k++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[i * d + k];
            }
            means[k] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double c = v[i * d + k] - means[k];
                squares += c * c;
            }
            stds[k] = Math.sqrt(squares / n);
            double scale = stds[k] > 0 ? stds[k] : 1;
            for (int i = 0; i < n; i++) {
                v[i * d + k] = (float) ((v[i * d + k] - means[k]) / scale);
            }
        }
        provenance.put(PREFIX + ".standardize", "true");
        provenance.put(PREFIX + ".means", join(means));
        provenance.put(PREFIX + ".stds", join(stds));
    }

    private static String join(double[] values) {
        return DoubleStream.of(values).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }
}
