package org.wasserflow.runners;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Setting;

/** Writes points, one row each, as NumPy's {@code .npy} (float32) or as CSV with a header {@code x0,x1,...}. */
final class PointFiles {

    private PointFiles() {
    }

    /** The {@code out} key of a command that writes points with {@link #write}: a {@code .npy} or {@code .csv} file name. */
    static Setting<String> output(String defaultName) {
        return Setting.text("out", defaultName)
                .constrain(v -> v.endsWith(".npy") || v.endsWith(".csv"), "a file name ending in .npy or .csv").describe("the file to write");
    }

    static void write(Path file, INDArray points) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (file.toString().endsWith(".npy")) {
            Nd4j.writeAsNumpy(points.castTo(DataType.FLOAT).dup('c'), file.toFile());
            return;
        }
        int d = (int) points.columns();
        try (Writer w = Files.newBufferedWriter(file)) {
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
