package org.wasserflow.runners.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;
import org.wasserflow.runners.TrainCommand;
import org.wasserflow.runners.config.ConfigLoader;
import org.wasserflow.runners.report.MetricsTable;

/** The USPS to MNIST experiment end to end on the shared data, with a short budget. */
class UspsMnistExperimentTest {

    private static final Path DATA = Path.of("..", "..", "shared", "data");

    @TempDir
    Path tmp;

    private Map<String, Double> train(String preset, String... overrides) throws java.io.IOException {
        List<String> args = new ArrayList<>(List.of("usps_mnist.data_dir=" + DATA, "run.out=" + tmp, "run.name=" + preset));
        args.addAll(List.of(overrides));
        return new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", preset + ".properties"), args),
                getClass().getClassLoader(), "test").execute();
    }

    @Test
    void shortW2RunBeatsTheNoTransportBaseline() throws java.io.IOException {
        Map<String, Double> m = train("usps-mnist-w2", "run.iterations=100", "run.log_every=100", "usps_mnist.eval_size=2000",
                "usps_mnist.exact_ot_baseline=false");
        double baseline = m.get("baseline_no_transport");
        assertTrue(baseline > 0.2 && baseline < 0.5, "raw USPS 1-NN on MNIST: " + baseline);
        assertTrue(m.get("accuracy") > baseline + 0.05, "100 iterations of W2-FE already transport: " + m);
        double[] acc = MetricsTable.read(tmp.resolve("usps-mnist-w2/metrics.csv")).column("accuracy");
        assertEquals(2, acc.length);
    }

    @Test
    void missingDataIsNamedBeforeTraining() {
        ConfigException e = assertThrows(ConfigException.class, () -> train("usps-mnist-w1", "usps_mnist.data_dir=" + tmp));
        assertTrue(e.getMessage().contains("usps_mnist.data_dir") && e.getMessage().contains("usps/zip.train.gz"), e.getMessage());
    }
}
