package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * The Gaussian to MNIST presets (784-D, the authors' networks) and the MNIST to USPS preset, end to end on the
 * committed digit fixtures with a few iterations: the fitted source is recorded, the run evaluates, and image laws
 * of different sides are refused in one line before training.
 */
class MnistPresetsTest {

    @TempDir
    Path tmp;

    private static final Path DIGITS = TestData.fixtures();

    private Map<String, Double> train(String preset, List<String> paths, String... overrides) throws IOException {
        List<String> args = new ArrayList<>(paths);
        args.addAll(List.of("run.out=" + tmp, "run.name=" + preset));
        args.addAll(List.of(overrides));
        return new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", preset + ".properties"), args),
                getClass().getClassLoader(), "test").execute();
    }

    /** The preset's data and its image metrics' classifier pointed at the fixtures, the classifier cached under {@code cache}. */
    private static List<String> mnist(Path cache) {
        return List.of("digits.train_images=" + DIGITS.resolve("mnist/train-images-idx3-ubyte.gz"),
                "digits.train_labels=" + DIGITS.resolve("mnist/train-labels-idx1-ubyte.gz"),
                "digits.test_images=" + DIGITS.resolve("mnist/t10k-images-idx3-ubyte.gz"),
                "digits.test_labels=" + DIGITS.resolve("mnist/t10k-labels-idx1-ubyte.gz"), "digits.cache=" + cache,
                "data.images=" + DIGITS.resolve("mnist/train-images-idx3-ubyte.gz"),
                "data.labels=" + DIGITS.resolve("mnist/train-labels-idx1-ubyte.gz"),
                "eval_data.images=" + DIGITS.resolve("mnist/t10k-images-idx3-ubyte.gz"),
                "eval_data.labels=" + DIGITS.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
    }

    private static List<String> mnistToUsps() {
        return List.of("source.images=" + DIGITS.resolve("mnist/train-images-idx3-ubyte.gz"),
                "source.labels=" + DIGITS.resolve("mnist/train-labels-idx1-ubyte.gz"),
                "data.path=" + DIGITS.resolve("usps/zip.train.gz"), "eval_data.path=" + DIGITS.resolve("usps/zip.train.gz"));
    }

    @Test
    void gaussianToMnistTrainsFromTheFittedGaussianAndRecordsTheFit() throws IOException {
        Map<String, Double> m = train("mnist-w2", mnist(tmp.resolve("classifiers")), "run.iterations=4", "run.log_every=2",
                "eval.source_size=100", "eval.data_size=100");
        assertTrue(Double.isFinite(m.get("w2")) && m.get("w2") > 0, "exact W2 in pixel space: " + m);
        assertTrue(m.get("frechet_digits") > 0 && m.get("classes_covered") >= 1 && m.get("classes_covered") <= 10,
                "the image metrics evaluate the generated digits: " + m);
        String provenance = Files.readString(tmp.resolve("mnist-w2/provenance.properties"));
        assertTrue(provenance.contains("source.law.fit_rows = 300"), "the source was fitted on every fixture image");
        assertTrue(provenance.contains("source.law.ridge = 0.1") && provenance.contains("source.law.fit_sha256 = "), provenance);
        assertTrue(Files.exists(tmp.resolve("mnist-w2/samples.png")));
    }

    @Test
    void mnistToUspsScoresOneNearestNeighbourOnUsps() throws IOException {
        Map<String, Double> m = train("mnist-usps-w2", mnistToUsps(), "run.iterations=4", "run.log_every=4", "eval.source_size=300");
        for (String column : List.of("accuracy", "baseline_no_transport", "baseline_exact_ot")) {
            assertTrue(m.get(column) > 0.15, column + " beats chance (0.1) on the fixtures: " + m);
        }
    }

    @Test
    void imageLawsOfDifferentSidesAreRefusedBeforeTraining() {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(mnistToUsps());
        args.addAll(List.of("source.side=0", "run.out=" + out, "run.name=sides"));
        Map<String, String> settings = new ConfigLoader().load(Path.of("..", "configs", "mnist-usps-w2.properties"), args);
        ConfigException e = assertThrows(ConfigException.class, () -> new TrainCommand(settings, getClass().getClassLoader(), "test").execute());
        assertEquals("source", e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("images of 28x28 and the data 16x16"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(Files.exists(out), "no run directory: training never started");
    }
}
