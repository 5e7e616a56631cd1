package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.problems.readers.DataFiles;

/**
 * W2-FE trained on a user's files by configuration alone, as the README's examples do: a CSV and an
 * {@code .npy} array, each in 2 and in 12 dimensions (the files of {@code examples/data}). The generator must
 * close more than half the gap between W2 to the file's law and its floor (W2 between two samples of the
 * data) in 200 iterations with the README's settings, and the run's provenance must name the file by its SHA-256.
 */
class OwnDataTrainingTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} in {2} dimensions")
    @CsvSource({"csv, circle.csv, 2, data.columns=x;y", "npy, circle.npy, 2, ''", "npy, blobs12.npy, 12, ''", "csv, blobs12.csv, 12, ''"})
    void w2FeLearnsTheLawOfAFile(String format, String file, int dim, String extra) throws IOException {
        Path path = Path.of("..", "examples", "data", file);
        List<String> args = new ArrayList<>(List.of("data=" + format, "data.path=" + path, "source.dim=" + dim,
                "source.std=" + (dim == 2 ? 0.05 : 0.3), "metrics=w2", "eval.source_size=500", "eval.data_size=500",
                "run.iterations=200", "run.log_every=200", "run.out=" + tmp, "run.name=" + format + dim));
        if (!extra.isEmpty()) {
            args.add(extra.replace(';', ','));
        }
        Map<String, Double> last = new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args),
                getClass().getClassLoader(), "test").execute();
        List<String> csv = Files.readAllLines(tmp.resolve(format + dim).resolve("metrics.csv"));
        int w2 = List.of(csv.get(0).split(",")).indexOf("w2");
        double first = Double.parseDouble(csv.get(1).split(",")[w2]);
        double floor = last.get("w2_floor");
        assertTrue(last.get("w2") - floor < 0.5 * (first - floor), "W2 to " + file + " fell from " + first + " to " + last.get("w2")
                + ", its floor (two data samples) being " + floor);
        String provenance = Files.readString(tmp.resolve(format + dim).resolve("provenance.properties"));
        assertTrue(provenance.contains(DataFiles.sha256(path, "data.path")), "the provenance names the file by its hash: " + provenance);
    }
}
