package org.wasserflow.runners.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;
import org.wasserflow.runners.TestData;
import org.wasserflow.runners.TrainCommand;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.report.MetricsTable;

/**
 * The USPS to MNIST experiment end to end with a short budget: its accuracy levels on the full data when it is
 * there, and on the committed fixtures (300 images per set) the metrics every evaluation must produce.
 */
class UspsMnistExperimentTest {

    @TempDir
    Path tmp;

    private Map<String, Double> train(Path data, String preset, String... overrides) throws java.io.IOException {
        List<String> args = new ArrayList<>(List.of("usps_mnist.data_dir=" + data, "run.out=" + tmp, "run.name=" + preset));
        args.addAll(List.of(overrides));
        return new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", preset + ".properties"), args),
                getClass().getClassLoader(), "test").execute();
    }

    @Test
    void shortW2RunBeatsTheNoTransportBaseline() throws java.io.IOException {
        assumeTrue(TestData.fullDigits(), "needs the full data in " + TestData.SHARED);
        Map<String, Double> m = train(TestData.SHARED, "usps-mnist-w2", "run.iterations=100", "run.log_every=100",
                "usps_mnist.eval_size=2000", "usps_mnist.exact_ot_baseline=false");
        double baseline = m.get("baseline_no_transport");
        assertTrue(baseline > 0.2 && baseline < 0.5, "raw USPS 1-NN on MNIST: " + baseline);
        assertTrue(m.get("accuracy") > baseline + 0.05, "100 iterations of W2-FE already transport: " + m);
        double[] acc = MetricsTable.read(tmp.resolve("usps-mnist-w2/metrics.csv")).column("accuracy");
        assertEquals(2, acc.length);
    }

    @Test
    void shortW2RunOnTheFixturesMeasuresEveryTestImage() throws java.io.IOException {
        int images = 10 * TestData.FIXTURE_PER_DIGIT;
        Map<String, Double> m = train(TestData.fixtures(), "usps-mnist-w2", "run.iterations=20", "run.log_every=10",
                "usps_mnist.eval_size=2000", "usps_mnist.exact_ot_baseline=true");
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
    void missingDataIsNamedBeforeTraining() {
        ConfigException e = assertThrows(ConfigException.class, () -> train(tmp, "usps-mnist-w1"));
        assertTrue(e.getMessage().contains("usps_mnist.data_dir") && e.getMessage().contains("usps/zip.train.gz"), e.getMessage());
    }

    /** An accuracy on {@code images} test images is a count of correct ones over {@code images} (up to the csv's digits). */
    private static void assertCountOutOf(int images, double accuracy, String what) {
        assertTrue(accuracy >= 0 && accuracy <= 1, what + " " + accuracy);
        assertEquals(Math.rint(accuracy * images), accuracy * images, 0.01, what + " " + accuracy + " is not a count out of " + images);
    }
}
