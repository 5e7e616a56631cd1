package org.wasserflow.runners.w2bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.ConfigException;
import org.wasserflow.problems.readers.DataFiles;
import org.wasserflow.problems.readers.NpyReader;

/**
 * One benchmark pair in dimension {@code dim}, read from a directory in the layout of the continuous W2 benchmark's
 * samples: {@code x_train.npy} (samples of P), {@code y_train.npy} (independent samples of Q), {@code x_test.npy} and
 * {@code tx_test.npy = T*(x_test)}, 2-D float arrays with {@code dim} columns, and optionally {@code meta.json} with
 * {@code var_Q}. All arrays are float {@code [rows, dim]}.
 *
 * @param dir the directory read
 * @param dim the dimension D
 * @param xTrain samples of P
 * @param yTrain samples of Q, unpaired with {@code xTrain}
 * @param xTest test samples of P
 * @param txTest the optimal map at {@code xTest}, row-aligned
 * @param varQ the total variance of Q (sum of the per-coordinate variances), the L2-UVP's denominator
 * @param varQSource where {@code varQ} came from: {@code meta.json} or {@code y_train}
 */
public record BenchPair(Path dir, int dim, INDArray xTrain, INDArray yTrain, INDArray xTest, INDArray txTest, double varQ,
        String varQSource) {

    /** The key bad files are refused under. */
    static final String KEY = "w2bench";
    private static final Pattern SUBDIR = Pattern.compile("d(\\d+)");
    private static final Pattern VAR_Q = Pattern.compile("\"var_Q\"\\s*:\\s*([^,}\\s]+)");
    private static final String WHAT = "a 2-D float32 or float64 array";

    /**
     * The pair directories under {@code root}: its {@code d<D>} subdirectories by increasing D, or {@code root} itself
     * if it holds {@code x_train.npy}.
     *
     * @throws ConfigException if {@code root} is no directory or holds neither
     */
    public static List<Path> directories(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            throw new ConfigException(KEY, KEY + ": " + root + " is not a directory (expected a benchmark directory holding d<D>/"
                    + " subdirectories, or one of them)");
        }
        if (Files.exists(root.resolve("x_train.npy"))) {
            return List.of(root);
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isDirectory(p) && SUBDIR.matcher(p.getFileName().toString()).matches()).forEach(dirs::add);
        } catch (IOException e) {
            throw DataFiles.unreadable(KEY, root, e);
        }
        if (dirs.isEmpty()) {
            throw new ConfigException(KEY, KEY + ": " + root + " holds no d<D>/ subdirectory and no x_train.npy"
                    + " (expected x_train.npy, y_train.npy, x_test.npy, tx_test.npy [, meta.json])");
        }
        dirs.sort(Comparator.comparingInt(BenchPair::declaredDim));
        return dirs;
    }

    /** The D a {@code d<D>} directory's name declares, or -1. */
    static int declaredDim(Path dir) {
        Matcher m = SUBDIR.matcher(dir.getFileName() == null ? "" : dir.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Reads and checks one pair directory.
     *
     * @throws ConfigException in one line naming the file: missing, not a 2-D float .npy, another dimension than the
     *     others (or than its {@code d<D>} directory name), test files of different lengths, more test rows than
     *     {@code y_train} holds, or a {@code meta.json} whose {@code var_Q} is not a positive number
     */
    public static BenchPair load(Path dir) {
        INDArray xTrain = read(dir, "x_train.npy");
        int dim = (int) xTrain.columns();
        INDArray yTrain = read(dir, "y_train.npy");
        INDArray xTest = read(dir, "x_test.npy");
        INDArray txTest = read(dir, "tx_test.npy");
        for (String name : List.of("y_train.npy", "x_test.npy", "tx_test.npy")) {
            INDArray a = name.equals("y_train.npy") ? yTrain : name.equals("x_test.npy") ? xTest : txTest;
            if (a.columns() != dim) {
                throw DataFiles.bad(KEY, dir.resolve(name), "", "dimension " + a.columns() + ", but x_train.npy has " + dim);
            }
        }
        int declared = declaredDim(dir);
        if (declared > 0 && declared != dim) {
            throw DataFiles.bad(KEY, dir.resolve("x_train.npy"), "", "dimension " + dim + ", but the directory is named d" + declared);
        }
        if (txTest.rows() != xTest.rows()) {
            throw DataFiles.bad(KEY, dir.resolve("tx_test.npy"), "", txTest.rows() + " rows, but x_test.npy has " + xTest.rows()
                    + " (tx_test must be T*(x_test), row by row)");
        }
        if (xTest.rows() > yTrain.rows()) {
            throw DataFiles.bad(KEY, dir.resolve("y_train.npy"), "", yTrain.rows() + " rows, fewer than the " + xTest.rows()
                    + " test rows (exact OT and Sinkhorn match x_test against as many samples of Q)");
        }
        Path meta = dir.resolve("meta.json");
        if (Files.exists(meta)) {
            return new BenchPair(dir, dim, xTrain, yTrain, xTest, txTest, metaVarQ(meta, yTrain), "meta.json");
        }
        return new BenchPair(dir, dim, xTrain, yTrain, xTest, txTest, totalVariance(yTrain), "y_train");
    }

    private static double metaVarQ(Path meta, INDArray yTrain) {
        String text;
        try {
            text = Files.readString(meta);
        } catch (IOException e) {
            throw DataFiles.unreadable(KEY, meta, e);
        }
        if (!text.strip().startsWith("{")) {
            throw DataFiles.bad(KEY, meta, "", "not a JSON object");
        }
        Matcher m = VAR_Q.matcher(text);
        if (!m.find()) {
            return totalVariance(yTrain);
        }
        double v;
        try {
            v = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw DataFiles.bad(KEY, meta, "var_Q", "'" + m.group(1) + "' is not a number");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw DataFiles.bad(KEY, meta, "var_Q", v + " (expected a positive number: the total variance of Q)");
        }
        return v;
    }

    /** The sum over coordinates of the per-coordinate variance (divisor n) of the rows of {@code a}. */
    static double totalVariance(INDArray a) {
        return a.castTo(DataType.DOUBLE).var(false, 0).sumNumber().doubleValue();
    }

    private static INDArray read(Path dir, String name) {
        Path file = DataFiles.require(dir.resolve(name).toString(), KEY, WHAT + " (" + name + ")");
        INDArray a = NpyReader.read(file, KEY, "f", WHAT);
        if (a.rank() != 2 || a.rows() < 2 || a.columns() < 1) {
            throw DataFiles.bad(KEY, file, "", "shape " + Arrays.toString(a.shape()) + " (expected " + WHAT + " of at least 2 rows)");
        }
        INDArray f = a.castTo(DataType.FLOAT);
        if (!Double.isFinite(f.sumNumber().doubleValue())) {
            throw DataFiles.bad(KEY, file, "", "holds NaN or infinite values");
        }
        return f;
    }
}
