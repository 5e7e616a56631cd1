package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.wasserflow.runners.report.MetricsTable;

/**
 * The USPS to MNIST presets end to end through {@link TrainCommand} with a short budget and their data paths
 * pointed into a digit directory: the accuracy levels on the full data when it is there, and on the committed
 * fixtures (300 images per file) the metrics every evaluation must produce.
 */
class UspsMnistPresetTest {

    @TempDir
    Path tmp;

    /** The preset's data keys pointed at the files of {@code dir}, laid out as in {@code ../shared/data}. */
    private static List<String> dataPaths(Path dir) {
        return List.of("source.path=" + dir.resolve("usps/zip.train.gz"),
                "data.images=" + dir.resolve("mnist/train-images-idx3-ubyte.gz"),
                "data.labels=" + dir.resolve("mnist/train-labels-idx1-ubyte.gz"),
                "eval_data.images=" + dir.resolve("mnist/t10k-images-idx3-ubyte.gz"),
                "eval_data.labels=" + dir.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
    }

    private Map<String, Double> train(Path data, String preset, String... overrides) throws IOException {
        List<String> args = new ArrayList<>(dataPaths(data));
        args.addAll(List.of("run.out=" + tmp, "run.name=" + preset));
        args.addAll(List.of(overrides));
        return new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", preset + ".properties"), args),
                getClass().getClassLoader(), "test").execute();
    }

    @Test
    void shortW2RunBeatsTheNoTransportBaseline() throws IOException {
        assumeTrue(TestData.fullDigits(), "needs the full data in " + TestData.SHARED);
        Map<String, Double> m = train(TestData.SHARED, "usps-mnist-w2", "run.iterations=100", "run.log_every=100",
                "eval.data_size=2000", "metrics=nn-accuracy");
        System.out.println("usps-mnist-w2, full data, 100 iterations: " + m);
        assertFalse(m.containsKey("baseline_exact_ot"), "no exact-OT baseline without nn-ot-baseline: " + m);
        double baseline = m.get("baseline_no_transport");
        assertTrue(baseline > 0.2 && baseline < 0.5, "raw USPS 1-NN on MNIST: " + baseline);
        assertTrue(m.get("accuracy") > baseline + 0.05, "100 iterations of W2-FE already transport: " + m);
        double[] acc = MetricsTable.read(tmp.resolve("usps-mnist-w2/metrics.csv")).column("accuracy");
        assertEquals(2, acc.length, "evaluations at iterations 0 and 100");
        for (double a : acc) {
            assertCountOutOf(2000, a, "accuracy");
        }
    }

    @Test
    void shortW2RunOnTheFixturesMeasuresEveryTestImage() throws IOException {
        int images = 10 * TestData.FIXTURE_PER_DIGIT;
        Map<String, Double> m = train(TestData.fixtures(), "usps-mnist-w2", "run.iterations=20", "run.log_every=10");
        System.out.println("usps-mnist-w2, fixtures, 20 iterations: " + m);
        MetricsTable table = MetricsTable.read(tmp.resolve("usps-mnist-w2/metrics.csv"));
        double[] acc = table.column("accuracy");
        assertEquals(3, acc.length, "evaluations at iterations 0, 10 and 20");
        for (double a : acc) {
            assertCountOutOf(images, a, "accuracy");
        }
        assertEquals(m.get("accuracy"), acc[2], 1e-5, "the last evaluation is the result");
        assertCountOutOf(images, m.get("baseline_no_transport"), "baseline_no_transport");
        assertCountOutOf(images, m.get("baseline_exact_ot"), "baseline_exact_ot");
        for (String metric : List.of("accuracy", "baseline_no_transport", "baseline_exact_ot")) {
            assertTrue(m.get(metric) > 0.15, "1-NN beats chance (0.1) on the fixtures: " + m);
        }
    }

    @Test
    void missingSourceFileIsNamedBeforeTraining() {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(dataPaths(TestData.fixtures()));
        args.set(0, dataPaths(tmp).get(0));
        args.addAll(List.of("run.out=" + out, "run.name=w1"));
        Map<String, String> settings = new ConfigLoader().load(Path.of("..", "configs", "usps-mnist-w1.properties"), args);
        ConfigException e = assertThrows(ConfigException.class, () -> new TrainCommand(settings, getClass().getClassLoader(), "test").execute());
        String file = tmp.resolve("usps/zip.train.gz").toAbsolutePath().normalize().toString();
        assertEquals("source.path", e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("source.path") && e.getMessage().contains(file) && e.getMessage().contains("not found"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(Files.exists(out), "no run directory: training never started");
    }

    /** An accuracy on {@code images} test images is a count of correct ones over {@code images} (up to the csv's digits). */
    private static void assertCountOutOf(int images, double accuracy, String what) {
        assertTrue(accuracy >= 0 && accuracy <= 1, what + " " + accuracy);
        assertEquals(Math.rint(accuracy * images), accuracy * images, 0.01, what + " " + accuracy + " is not a count out of " + images);
    }
}
