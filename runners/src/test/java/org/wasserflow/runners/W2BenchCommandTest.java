package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code wasserflow w2bench} on the committed subset of the Mix3toMix10 pairs ({@code src/test/resources/w2bench}, cut by
 * {@code scripts/cut-w2bench-fixtures.py}: D = 2 and 8, 2000 train and 500 test rows): every estimator and baseline is
 * scored, the identity's score is the one computed here from the files, the estimators beat the linear baseline, and
 * bad benchmark directories are refused in one line with exit status 2 before anything is written.
 */
class W2BenchCommandTest {

    @TempDir
    Path tmp;

    static Path fixtures() {
        try {
            return Path.of(W2BenchCommandTest.class.getResource("/w2bench/mix3tomix10/d2/meta.json").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code dim,potential} to {@code {l2_uvp, cosine, fit_s}}. */
    private static Map<String, double[]> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("dim,potential,l2_uvp,cosine,fit_s", lines.get(0));
        Map<String, double[]> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.put(f[0] + "," + f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        return out;
    }

    @Test
    void scoresEveryEstimatorAndTheBaselinesInEveryDimension() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("w2bench", fixtures().toString(), "potential=neural-map,neural-dual,exact-ot,sinkhorn",
                "w2bench.iterations=60", "w2bench.batch=128", "critic.steps=2", "sinkhorn.epsilon=0.05", "map.lr=1e-3",
                "map.potential.lr=5e-4", "out=" + out);
        assertEquals(0, r.status(), r.err());
        Map<String, double[]> rows = read(out.resolve("w2bench.csv"));
        assertEquals(2 * 7, rows.size(), rows.keySet().toString());
        for (int d : new int[] {2, 8}) {
            double identity = identityScore(fixtures().resolve("d" + d));
            assertEquals(identity, rows.get(d + ",identity")[0], 1e-4 * identity, "identity in D=" + d);
            assertEquals(0, rows.get(d + ",identity")[1], 0);
            double linear = rows.get(d + ",linear")[0];
            assertTrue(linear < identity, "linear " + linear + " below identity " + identity);
            for (String name : List.of("discrete-ot", "exact-ot", "sinkhorn", "neural-map")) {
                double[] s = rows.get(d + "," + name);
                assertTrue(s[0] < linear, name + " in D=" + d + ": L2-UVP " + s[0] + " not below the linear baseline " + linear);
                assertTrue(s[1] > 0.8, name + " in D=" + d + ": cosine " + s[1]);
            }
            double[] dual = rows.get(d + ",neural-dual");
            assertTrue(Double.isFinite(dual[0]) && dual[2] > 0, "neural-dual scored in D=" + d);
        }
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| neural-map |"));
        assertTrue(report.contains("  - used in D=8: `map.lr=0.001 map.potential.lr=5.0E-4`"), report);
        assertTrue(Files.size(out.resolve("l2_uvp.png")) > 1000);
    }

    /** 100 mean |x - T*(x)|^2 / var_Q, from the fixture files and the var_Q of their meta.json. */
    private static double identityScore(Path dir) throws IOException {
        INDArray x = Nd4j.createFromNpyFile(dir.resolve("x_test.npy").toFile()).castTo(DataType.DOUBLE);
        INDArray t = Nd4j.createFromNpyFile(dir.resolve("tx_test.npy").toFile()).castTo(DataType.DOUBLE);
        String meta = Files.readString(dir.resolve("meta.json"));
        double varQ = Double.parseDouble(meta.replaceAll("(?s).*\"var_Q\":\\s*([0-9.eE+-]+).*", "$1"));
        INDArray e = t.sub(x);
        return 100 * e.mul(e).sumNumber().doubleValue() / x.rows() / varQ;
    }

    @Test
    void withoutMetaJsonVarQIsTheTotalVarianceOfYTrain() throws IOException {
        Path dir = copy("d2", tmp.resolve("d2"));
        Files.delete(dir.resolve("meta.json"));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("w2bench", dir.toString(), "potential=exact-ot", "w2bench.iterations=1", "out=" + out);
        assertEquals(0, r.status(), r.err());
        INDArray y = Nd4j.createFromNpyFile(dir.resolve("y_train.npy").toFile()).castTo(DataType.DOUBLE);
        double varY = y.var(false, 0).sumNumber().doubleValue();
        double withMeta = identityScore(fixtures().resolve("d2"));
        String meta = Files.readString(fixtures().resolve("d2/meta.json"));
        double varQ = Double.parseDouble(meta.replaceAll("(?s).*\"var_Q\":\\s*([0-9.eE+-]+).*", "$1"));
        assertEquals(withMeta * varQ / varY, read(out.resolve("w2bench.csv")).get("2,identity")[0], 1e-4 * withMeta);
    }

    @Test
    void aMissingFileIsRefusedInOneLine() throws IOException {
        Path dir = copy("d2", tmp.resolve("d2"));
        Files.delete(dir.resolve("tx_test.npy"));
        refused(dir, "tx_test.npy");
    }

    @Test
    void aDimensionMismatchIsRefusedInOneLine() throws IOException {
        Path dir = copy("d2", tmp.resolve("bench/d2"));
        Files.copy(fixtures().resolve("d8/tx_test.npy"), dir.resolve("tx_test.npy"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        refused(tmp.resolve("bench"), "tx_test.npy: dimension 8, but x_train.npy has 2");
    }

    @Test
    void aDirectoryNamedForAnotherDimensionIsRefused() throws IOException {
        copy("d2", tmp.resolve("bench/d4"));
        refused(tmp.resolve("bench"), "dimension 2, but the directory is named d4");
    }

    @Test
    void malformedFilesAreRefusedInOneLine() throws IOException {
        Path dir = copy("d2", tmp.resolve("d2"));
        Files.writeString(dir.resolve("meta.json"), "{\"var_Q\": \"lots\"}");
        refused(dir, "var_Q");
        Files.writeString(dir.resolve("meta.json"), "{\"var_Q\": -1}");
        refused(dir, "var_Q");
        Files.delete(dir.resolve("meta.json"));
        Files.writeString(dir.resolve("x_test.npy"), "not numpy");
        refused(dir, "x_test.npy");
        refused(tmp.resolve("nowhere"), "nowhere");
        Files.createDirectories(tmp.resolve("empty/notes"));
        refused(tmp.resolve("empty"), "no d<D>/ subdirectory");
    }

    @Test
    void anUnknownEstimatorOrKeyIsRefusedBeforeAnythingIsRead() {
        Cli.Result r = Cli.run("w2bench", fixtures().toString(), "potential=neural-map,magic", "out=" + tmp.resolve("out"));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("magic"), r.err());
        Cli.Result key = Cli.run("w2bench", fixtures().toString(), "w2bench.batchsize=3", "out=" + tmp.resolve("out"));
        assertEquals(2, key.status(), key.err());
        assertTrue(key.err().contains("w2bench.batchsize"), key.err());
        Cli.Result dims = Cli.run("w2bench", fixtures().toString(), "w2bench.dims=2,16", "out=" + tmp.resolve("out"));
        assertEquals(2, dims.status(), dims.err());
        assertTrue(dims.err().contains("w2bench.dims") && dims.err().contains("d8"), dims.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    private void refused(Path dir, String expected) {
        Path out = tmp.resolve("refused-out");
        Cli.Result r = Cli.run("w2bench", dir.toString(), "potential=exact-ot", "out=" + out);
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), "the message says " + expected + ": " + r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static Path copy(String dim, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(fixtures().resolve(dim))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
