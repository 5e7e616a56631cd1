package org.wasserflow.runners;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Setting;

/** Writes points, one row each, as NumPy's {@code .npy} (float32) or as CSV with a header {@code x0,x1,...}. */
final class PointFiles {

    /** The files directly in a run directory that belong to the run; {@code sample} and {@code transport} never write them. */
    static final List<String> RUN_FILES = List.of("config.properties", "provenance.properties", "metrics.csv", "samples.png",
            "pairs.png");

    private PointFiles() {
    }

    /** The {@code out} key of a command that writes points with {@link #write}: a {@code .npy} or {@code .csv} file name. */
    static Setting<String> output(String defaultName) {
        return Setting.text("out", defaultName)
                .constrain(v -> v.endsWith(".npy") || v.endsWith(".csv"), "a file name ending in .npy or .csv").describe("the file to write");
    }

    /**
     * Refuses an output {@code file} that is one of the files run directory {@code runDir} owns: its
     * {@link #RUN_FILES} or anything under {@code checkpoints/} or {@code grids/}, however the path is spelt (relative, {@code ..},
     * symbolic links).
     *
     * @throws ConfigException naming {@code key}, the file and the way out
     */
    static void requireNotRunFile(Path runDir, Path file, String key) throws IOException {
        if (runDir == null || !Files.isDirectory(runDir)) {
            return;
        }
        Path run = runDir.toRealPath();
        Path target = real(file.toAbsolutePath().normalize());
        if (target.startsWith(run.resolve("checkpoints")) || target.startsWith(run.resolve("grids")) || target.getParent() != null && target.getParent().equals(run)
                && RUN_FILES.contains(target.getFileName().toString())) {
            throw new ConfigException(key, file, "a file the run " + runDir + " does not own: " + target
                    + " is one of its files (" + String.join(", ", RUN_FILES) + ", checkpoints/, grids/); write elsewhere, e.g. "
                    + key + "=" + run.resolve("samples.npy"));
        }
    }

    /** {@code p} with the symbolic links of its longest existing prefix resolved. */
    private static Path real(Path p) throws IOException {
        if (Files.exists(p)) {
            return p.toRealPath();
        }
        Path parent = p.getParent();
        return parent == null ? p : real(parent).resolve(p.getFileName());
    }

    /**
     * Writes {@code points} to {@code file}: {@code .npy} as float32, anything else as CSV; missing parent
     * directories are created.
     */
    static void write(Path file, INDArray points) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (file.toString().endsWith(".npy")) {
            Nd4j.writeAsNumpy(points.castTo(DataType.FLOAT).dup('c'), file.toFile());
            return;
        }
        int d = (int) points.columns();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int k = 0; k < d; k++) {
                header.append(k == 0 ? "" : ",").append('x').append(k);
            }
            w.write(header + "\n");
            float[] v = points.castTo(DataType.FLOAT).dup('c').data().asFloat();
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < points.rows(); i++) {
                row.setLength(0);
                for (int k = 0; k < d; k++) {
                    row.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.7g", v[i * d + k]));
                }
                w.write(row + "\n");
            }
        }
    }
}
