package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.flow.config.ConfigLoader;

/** W2-FE on the ring, end to end through the runner, on the repository's default experiment file. */
class RingTrainingTest {

    private static final Path DEFAULT = Path.of("..", "configs", "ring-w2.properties");

    @TempDir
    Path tmp;

    private Map<String, Double> train(String name, String... overrides) throws IOException {
        List<String> args = new ArrayList<>(List.of(overrides));
        args.add("run.out=" + tmp);
        args.add("run.name=" + name);
        Map<String, String> settings = new ConfigLoader().load(DEFAULT, args);
        return new TrainCommand(settings, getClass().getClassLoader(), "test").execute();
    }

    @Test
    void defaultRunCoversEveryModeNearTheFloor() throws IOException {
        Map<String, Double> m = train("ring", "run.log_every=300");
        assertEquals(8.0, m.get("modes_covered"), m.toString());
        assertTrue(m.get("hq_fraction") >= 0.8, m.toString());
        // W2 within 2x of 0.154, the floor of the random-mode evaluation sets this criterion was first stated
        // against. The stratified floor is 0.036; the run ends at about 4x of it, which mode-stats explains:
        // its blobs are too tight (std ratio about 0.6) and off their centres by about 0.09.
        assertTrue(m.get("w2") <= 2 * 0.154, m.toString());
        assertTrue(m.get("w2_floor") < 0.05 && m.get("w2") > m.get("w2_floor"), "stratified floor: " + m);
        assertTrue(m.get("mode_offset_mean") > 2 * m.get("mode_offset_mean_floor"), "mode-stats sees the displaced blobs: " + m);
        List<String> csv = Files.readAllLines(tmp.resolve("ring/metrics.csv"));
        assertEquals(6, csv.size(), "header and iterations 0, 300, ..., 1200: " + csv);
        for (String diagnostic : List.of("critic_loss", "dual", "hinge", "equality")) {
            int c = column(csv, diagnostic);
            assertTrue(c >= 0 && Double.isFinite(Double.parseDouble(csv.get(5).split(",")[c])), "the W2 dual's " + diagnostic + " is logged: " + csv.get(0));
        }
        double first = Double.parseDouble(csv.get(1).split(",")[column(csv, "w2")]);
        assertTrue(first > 4 * m.get("w2"), "W2 fell from " + first + " to " + m.get("w2"));
        for (String f : List.of("config.properties", "metrics.csv", "samples.png", "provenance.properties")) {
            assertTrue(Files.size(tmp.resolve("ring").resolve(f)) > 0, f);
        }
        String provenance = Files.readString(tmp.resolve("ring/provenance.properties"));
        assertTrue(provenance.contains("run.seed = 1") && provenance.contains("timing.median_iteration_s"), provenance);
        assertTrue(provenance.contains("machine.openblas_coretype = ") && provenance.contains("AVX-512"), "the kernels the products ran on");
    }

    @Test
    void sameSeedReproducesTheRunAndTheResolvedConfigReplaysIt() throws IOException {
        String[] small = {"run.iterations=6", "run.log_every=3", "flow.batch=64", "eval.source_size=200", "eval.data_size=200"};
        train("a", small);
        train("b", small);
        assertEquals(metricsWithoutTimes("a"), metricsWithoutTimes("b"));
        Path resolved = tmp.resolve("a/config.properties");
        assertTrue(Files.readString(resolved).contains("w2.lambda_eq = 1.0"), "defaults are recorded");
        Map<String, String> replay = new ConfigLoader().load(resolved, List.of("run.name=c", "run.out=" + tmp));
        new TrainCommand(replay, getClass().getClassLoader(), "test").execute();
        assertEquals(metricsWithoutTimes("a"), metricsWithoutTimes("c"));
        train("d", "run.iterations=6", "run.log_every=3", "flow.batch=64", "eval.source_size=200", "eval.data_size=200", "run.seed=2");
        assertTrue(!metricsWithoutTimes("a").equals(metricsWithoutTimes("d")), "another seed gives another run");
    }

    private List<String> metricsWithoutTimes(String run) throws IOException {
        List<String> lines = Files.readAllLines(tmp.resolve(run).resolve("metrics.csv"));
        int train = column(lines, "train_s");
        int elapsed = column(lines, "elapsed_s");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",");
            cells[train] = "";
            cells[elapsed] = "";
            out.add(String.join(",", cells));
        }
        return out;
    }

    private static int column(List<String> csv, String name) {
        return List.of(csv.get(0).split(",")).indexOf(name);
    }
}
