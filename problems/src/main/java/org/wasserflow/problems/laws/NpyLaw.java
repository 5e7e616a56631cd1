package org.wasserflow.problems.laws;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Law;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.problems.readers.DataFiles;
import org.wasserflow.problems.readers.NpyReader;
import org.wasserflow.problems.readers.Table;

/**
 * The rows of a NumPy {@code .npy} file: a 2-D float32 or float64 array {@code [n, d]}, any {@code d}, with
 * optional integer labels from a second {@code .npy} file holding a 1-D array of {@code n} integers (an integer
 * type, or floats with integer values). Values must be finite; they are held as float, standardised per column
 * on request. Provenance: {@code law.path}, {@code law.sha256}, {@code law.labels_path} and
 * {@code law.labels_sha256} when labelled, {@code law.rows}, {@code law.columns} and the standardisation.
 */
public final class NpyLaw extends FileLaw {

    /** The name this law is registered under. */
    public static final String NAME = "npy";

    public static final Setting<String> PATH = Setting.text("law.path", "").describe("the .npy file: a 2-D float32/float64 array [n, d]");
    public static final Setting<String> LABELS_PATH = Setting.text("law.labels_path", "")
            .describe("optional .npy file of n integer labels (1-D); empty for unlabelled rows");
    public static final Setting<Boolean> STANDARDIZE = Setting.flag("law.standardize", false)
            .describe("subtract each column's mean and divide by its std (a constant column is only centred)");
    /** Its keys, under the role's prefix ({@code data.path}). */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, ".npy data file", PATH, LABELS_PATH, STANDARDIZE);

    @Inject
    public NpyLaw(Settings settings) {
        super(read(settings));
    }

    private static Contents read(Settings settings) {
        String key = settings.keyOf(PATH);
        Path file = DataFiles.require(settings.get(PATH), key, "a .npy file of a 2-D float array");
        INDArray a = NpyReader.read(file, key, "f", "a 2-D float32 or float64 array [n, d]");
        if (a.rank() != 2) {
            throw DataFiles.bad(key, file, "", "array of shape " + Arrays.toString(a.shape()) + " is not 2-D (expected [n, d])");
        }
        int n = (int) a.rows();
        int d = (int) a.columns();
        if (n == 0 || d == 0) {
            throw DataFiles.bad(key, file, "", "array of shape " + Arrays.toString(a.shape()) + " holds no data");
        }
        double[] values = NpyReader.doubles(a);
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
            if (!Float.isFinite(f[i])) {
                throw DataFiles.bad(key, file, "row " + i / d + ", column " + i % d + " (0-based)", "value " + values[i]
                        + (Double.isFinite(values[i]) ? " is outside the float range" : " is not finite"));
            }
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put(Law.PREFIX + ".path", file.toString());
        provenance.put(Law.PREFIX + ".sha256", DataFiles.sha256(file, key));
        int[] labels = null;
        if (!settings.get(LABELS_PATH).isEmpty()) {
            String labelKey = settings.keyOf(LABELS_PATH);
            Path labelFile = DataFiles.require(settings.get(LABELS_PATH), labelKey, "a .npy file of n integer labels");
            labels = labels(labelFile, labelKey, n, file);
            provenance.put(Law.PREFIX + ".labels_path", labelFile.toString());
            provenance.put(Law.PREFIX + ".labels_sha256", DataFiles.sha256(labelFile, labelKey));
        }
        Table table = new Table(f, d, labels);
        if (settings.get(STANDARDIZE)) {
            standardize(table, provenance);
        }
        return new Contents(table, provenance);
    }

    private static int[] labels(Path file, String key, int rows, Path data) {
        INDArray a = NpyReader.read(file, key, "iuf", "a 1-D array of integer labels");
        if (a.rank() != 1) {
            throw DataFiles.bad(key, file, "", "array of shape " + Arrays.toString(a.shape()) + " is not 1-D (expected [n] labels)");
        }
        if (a.length() != rows) {
            throw DataFiles.bad(key, file, "", a.length() + " labels for the " + rows + " rows of " + data);
        }
        double[] v = NpyReader.doubles(a);
        int[] labels = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > Integer.MAX_VALUE) {
                throw DataFiles.bad(key, file, "row " + i + " (0-based)", "label " + v[i] + " is not an integer");
            }
            labels[i] = (int) v[i];
        }
        return labels;
    }
}
