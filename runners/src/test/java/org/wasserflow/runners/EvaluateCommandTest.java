package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * {@code wasserflow evaluate} end to end through {@link Main}: samples from elsewhere scored against a data law
 * with the run's metrics and floors, written as one header line and one row.
 */
class EvaluateCommandTest {

    private static final String CENTRES = "2 0 0 0 0 0 0 0 0 0; -2 0 0 0 0 0 0 0 0 0; 0 2 0 0 0 0 0 0 0 0; 0 -2 0 0 0 0 0 0 0 0";

    @TempDir
    Path tmp;

    /**
     * Issue 26's case: 2000 points of a 10-D mixture of 4 Gaussians of std 0.3, drawn from the law and with every centre
     * moved by 0.3 (one std). Exact W2 puts both near its floor; sliced W2 puts the moved ones above 3x its floor and
     * the true ones near it; c2st tells the moved ones apart.
     */
    @Test
    void scoresSamplesFilesAgainstTheirLawWithFloors() throws IOException {
        Path truth = tmp.resolve("truth.npy");
        Path moved = tmp.resolve("moved.csv");
        PointFiles.write(truth, Nd4j.createFromArray(mixture(0, new SplittableRandom(1))));
        PointFiles.write(moved, Nd4j.createFromArray(mixture(0.3, new SplittableRandom(2))));
        Map<String, Double> t = scores(truth, "truth.csv");
        Map<String, Double> m = scores(moved, "moved-scores.csv");
        assertTrue(m.get("w2") / m.get("w2_floor") < 1.25 && t.get("w2") / t.get("w2_floor") < 1.1, "W2 near its floor: " + t + " " + m);
        assertTrue(m.get("sliced_w2") / m.get("sliced_w2_floor") >= 3, "moved centres: " + m);
        assertTrue(t.get("sliced_w2") / t.get("sliced_w2_floor") < 1.5, "true samples: " + t);
        assertTrue(m.get("c2st") - m.get("c2st_floor") > 0.08 && t.get("c2st") - t.get("c2st_floor") < 0.03, "c2st: " + t + " " + m);
        assertEquals(t.get("w2_floor"), m.get("w2_floor"), "the same data and reference sets for both");
    }

    @Test
    void theFloorsAreThoseOfARunWithTheSameSeedAndSizes() throws IOException {
        List<String> common = List.of("metrics=w2,energy,sliced-w2,mmd", "eval.source_size=300", "eval.data_size=300", "run.seed=3");
        List<String> run = new ArrayList<>(common);
        run.addAll(List.of("run.iterations=0", "run.out=" + tmp, "run.name=run"));
        new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), run), getClass().getClassLoader(), "test")
                .execute();
        Path samples = tmp.resolve("any.npy");
        PointFiles.write(samples, Nd4j.rand(300, 2));
        List<String> args = new ArrayList<>(List.of("evaluate", samples.toString(), "out=" + tmp.resolve("scores.csv")));
        args.addAll(common);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        Map<String, String> runRow = row(tmp.resolve("run/metrics.csv"), 1);
        Map<String, String> scored = row(tmp.resolve("scores.csv"), 1);
        for (String floor : List.of("w2_floor", "energy_floor", "sliced_w2_floor", "mmd_floor")) {
            assertEquals(runRow.get(floor), scored.get(floor), floor);
        }
        assertEquals(List.of("w2", "w2_floor", "energy", "energy_floor", "sliced_w2", "sliced_w2_floor", "mmd", "mmd_floor"),
                List.copyOf(scored.keySet()), "the metrics' columns of a run's metrics.csv, in order");
        assertEquals(2, Files.readAllLines(tmp.resolve("scores.csv")).size(), "one header line and one row");
        assertTrue(r.out().contains("verdict: w2 ") && r.out().contains("  w2_floor " + String.format(java.util.Locale.ROOT, "%.4f",
                Double.parseDouble(scored.get("w2_floor")))), r.out());
    }

    @Test
    void aDimensionMismatchIsRefusedInOneLineAndNothingIsWritten() throws IOException {
        Path samples = tmp.resolve("three.npy");
        PointFiles.write(samples, Nd4j.rand(100, 3));
        Path out = tmp.resolve("never.csv");
        Cli.Result r = Cli.run("evaluate", samples.toString(), "metrics=w2", "out=" + out);
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(samples + " holds points of dimension 3, but data 'gaussian-mixture' has dimension 2"), r.err());
        assertFalse(Files.exists(out));
        Cli.Result tooMany = Cli.run("evaluate", tmp.resolve("three.npy").toString(), "data=gaussian", "data.dim=3", "eval.source_size=500",
                "out=" + out);
        assertEquals(2, tooMany.status());
        assertTrue(tooMany.err().contains("'eval.source_size': expected at most the 100 rows of"), tooMany.err());
        assertFalse(Files.exists(out));
    }

    private Map<String, Double> scores(Path samples, String out) throws IOException {
        Cli.Result r = Cli.run("evaluate", samples.toString(), "data=gaussian-mixture", "data.layout=list", "data.centres=" + CENTRES,
                "data.std=0.3", "metrics=w2,sliced-w2,mmd,c2st", "out=" + tmp.resolve(out));
        System.out.println(r.out());
        assertEquals(0, r.status(), r.err());
        Map<String, Double> parsed = new HashMap<>();
        row(tmp.resolve(out), 1).forEach((k, v) -> parsed.put(k, Double.parseDouble(v)));
        return parsed;
    }

    private static Map<String, String> row(Path csv, int index) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        String[] cells = lines.get(index).split(",");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            out.put(header[c], cells[c]);
        }
        out.keySet().removeAll(List.of("iteration", "train_s", "elapsed_s"));
        return out;
    }

    /** 2000 points of the mixture (a random component each), every centre moved by {@code distance} in a random direction. */
    private static double[][] mixture(double distance, SplittableRandom rng) {
        double[][] centres = new double[4][10];
        centres[0][0] = 2;
        centres[1][0] = -2;
        centres[2][1] = 2;
        centres[3][1] = -2;
        for (double[] c : centres) {
            double[] u = new double[10];
            double norm = 0;
            for (int j = 0; j < 10; j++) {
                u[j] = rng.nextGaussian();
                norm += u[j] * u[j];
            }
            for (int j = 0; j < 10; j++) {
                c[j] += distance * u[j] / Math.sqrt(norm);
            }
        }
        double[][] out = new double[2000][10];
        for (double[] p : out) {
            double[] c = centres[rng.nextInt(4)];
            for (int j = 0; j < 10; j++) {
                p[j] = c[j] + 0.3 * rng.nextGaussian();
            }
        }
        return out;
    }
}
