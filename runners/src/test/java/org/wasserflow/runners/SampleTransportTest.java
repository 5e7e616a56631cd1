package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.ot.EmpiricalTransport;
import org.wasserflow.ot.Points;

/**
 * Using what a run learned: {@code sample} writes points whose law is the one the run's last metrics describe
 * (their W2 to the data matches the logged W2), {@code transport} pushes given points through the generator
 * (ring and USPS to MNIST) as a function of each point (the same image alone or inside any batch; a single
 * sample lies in the support of many), and a diverged run stops in one line with exit status 3 while {@code sample}
 * still works on its last finite checkpoint.
 */
class SampleTransportTest {

    /** A ring run of 300 iterations shared by the ring tests, and its last logged metrics. */
    @TempDir
    static Path shared;
    private static Path ring;
    private static Map<String, Double> last;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainTheRing() throws IOException {
        List<String> args = List.of("run.iterations=300", "run.log_every=100", "metrics=w2", "run.out=" + shared, "run.name=ring");
        last = new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args),
                SampleTransportTest.class.getClassLoader(), "test").execute();
        ring = shared.resolve("ring");
    }

    @Test
    void ringSamplesHaveTheLawTheLastMetricsDescribe() throws IOException {
        Cli.Result r = Cli.run("sample", ring.toString(), "n=2000", "out=" + tmp.resolve("s.npy"));
        assertEquals(0, r.status(), r.err());
        INDArray samples = Nd4j.createFromNpyFile(tmp.resolve("s.npy").toFile());
        assertArrayEquals(new long[] {2000, 2}, samples.shape());
        double w2 = new EmpiricalTransport().w2(Points.flat(samples.castTo(DataType.DOUBLE)), evaluationData(ring), 2);
        assertEquals(last.get("w2"), w2, 0.25 * last.get("w2"), "fresh samples sit as far from the data as the last evaluation");
        Cli.Result csv = Cli.run("sample", ring.toString(), "n=5", "out=" + tmp.resolve("s.csv"), "checkpoint=200");
        assertEquals(0, csv.status(), csv.err());
        List<String> lines = Files.readAllLines(tmp.resolve("s.csv"));
        assertEquals("x0,x1", lines.get(0));
        assertEquals(6, lines.size());
    }

    @Test
    void transportPushesGivenPointsThroughTheGenerator() throws IOException {
        TrainedRun run = TrainedRun.open(ring, "", getClass().getClassLoader());
        INDArray source = run.components().problem().source(2000);
        Nd4j.writeAsNumpy(source, tmp.resolve("in.npy").toFile());
        Cli.Result r = Cli.run("transport", ring.toString(), "in=" + tmp.resolve("in.npy"), "out=" + tmp.resolve("out.npy"));
        assertEquals(0, r.status(), r.err());
        INDArray moved = Nd4j.createFromNpyFile(tmp.resolve("out.npy").toFile());
        INDArray expected = run.components().generator().infer(source);
        assertEquals(expected, moved, "transport writes G(x) of the final checkpoint for the given x");
        double[] data = evaluationData(ring);
        double w2Moved = new EmpiricalTransport().w2(Points.flat(moved.castTo(DataType.DOUBLE)), data, 2);
        double w2Given = new EmpiricalTransport().w2(Points.flat(source.castTo(DataType.DOUBLE)), data, 2);
        assertEquals(last.get("w2"), w2Moved, 0.25 * last.get("w2"), "2000 fresh source points land as close to the data as the run's samples");
        assertTrue(w2Given > 2 * w2Moved, "the map moves the points towards the data: W2 " + w2Given + " before, " + w2Moved + " after");
        Nd4j.writeAsNumpy(Nd4j.createFromArray(new float[][] {{0f, 0f}, {0.05f, -0.02f}, {0f, 0f}}), tmp.resolve("few.npy").toFile());
        Cli.Result csv = Cli.run("transport", ring.toString(), "in=" + tmp.resolve("few.npy"), "out=" + tmp.resolve("out.csv"));
        assertEquals(0, csv.status(), csv.err());
        List<String> lines = Files.readAllLines(tmp.resolve("out.csv"));
        assertEquals(4, lines.size(), "one row per given point");
        assertEquals(lines.get(1), lines.get(3), "the same point goes to the same place");
        Cli.Result wrong = Cli.run("transport", ring.toString(), "in=../examples/data/blobs12.npy", "out=" + tmp.resolve("x.npy"));
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().contains("points of the source's dimension 2, not 12"), wrong.err());
    }

    @Test
    void transportOfAPointDoesNotDependOnTheBatch() throws IOException {
        INDArray few = Nd4j.createFromArray(new float[][] {{0f, 0f}, {0.05f, -0.02f}, {-0.1f, 0.03f}, {0.02f, 0.08f}, {0.15f, 0.1f},
                {-0.04f, -0.12f}, {0.01f, -0.01f}, {0.2f, 0f}, {0f, -0.2f}, {-0.07f, 0.07f}});
        INDArray many = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(5), 1000, 2).castTo(DataType.FLOAT).muli(0.05);
        int[] at = {3, 97, 150, 400, 401, 555, 600, 812, 950, 999};
        for (int i = 0; i < at.length; i++) {
            many.putRow(at[i], few.getRow(i));
        }
        INDArray alone = transport(few, "alone");
        INDArray inside = transport(many, "inside");
        double diff = 0;
        for (int i = 0; i < at.length; i++) {
            diff = Math.max(diff, Transforms.abs(alone.getRow(i).sub(inside.getRow(at[i]))).maxNumber().doubleValue());
        }
        assertTrue(diff < 1e-5, "10 points transported alone and inside 1000 random points differ by " + diff);
        INDArray single = transport(few.getRow(7, true).dup(), "single");
        double one = Transforms.abs(single.sub(alone.getRow(7, true))).maxNumber().doubleValue();
        assertTrue(one < 1e-5, "a point transported alone differs by " + one);
    }

    @Test
    void aSampleOfOnePointLiesInTheSupportOfTenThousand() throws IOException {
        INDArray one = sample(1, "one");
        assertEquals(one, sample(1, "again"), "the same seed gives the same point");
        INDArray many = sample(10_000, "many");
        double[][] points = many.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] typical = new double[500];
        for (int i = 0; i < typical.length; i++) {
            typical[i] = nearest(points, points[i], i);
        }
        java.util.Arrays.sort(typical);
        double limit = typical[(int) (0.99 * typical.length)];
        double d = nearest(points, one.castTo(DataType.DOUBLE).toDoubleVector(), -1);
        assertTrue(d <= 2 * limit, "sample n=1 " + one + " is " + d + " from the nearest of 10000 samples; 99% of theirs are within " + limit);
    }

    @Test
    void theLoggedMetricsAreThoseOfTheInferenceMapOfTheLastCheckpoint() throws IOException {
        TrainedRun run = TrainedRun.open(ring, "", getClass().getClassLoader());
        assertEquals(last, run.components().problem().evaluate(run.components().generator()),
                "the run's last evaluation is the restored generator's inference map, evaluated again");
    }

    @Test
    void uspsDigitsAreTransportedToMnistLikeImages() throws IOException {
        Path digits = TestData.fixtures();
        train("configs/usps-mnist-w2.properties", "usps", "run.iterations=10", "run.log_every=10", "metrics=nn-accuracy",
                "source.path=" + digits.resolve("usps/zip.train.gz"), "data.images=" + digits.resolve("mnist/train-images-idx3-ubyte.gz"),
                "data.labels=" + digits.resolve("mnist/train-labels-idx1-ubyte.gz"),
                "eval_data.images=" + digits.resolve("mnist/t10k-images-idx3-ubyte.gz"),
                "eval_data.labels=" + digits.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        Cli.Result s = Cli.run("sample", tmp.resolve("usps").toString(), "n=20", "out=" + tmp.resolve("digits.npy"));
        assertEquals(0, s.status(), s.err());
        INDArray samples = Nd4j.createFromNpyFile(tmp.resolve("digits.npy").toFile());
        assertArrayEquals(new long[] {20, 256}, samples.shape());
        assertTrue(samples.maxNumber().doubleValue() <= 1 && samples.minNumber().doubleValue() >= -1, "tanh images in [-1, 1]");
        TrainedRun run = TrainedRun.open(tmp.resolve("usps"), "", getClass().getClassLoader());
        INDArray usps = run.components().problem().source(50);
        Nd4j.writeAsNumpy(usps, tmp.resolve("usps.npy").toFile());
        Cli.Result t = Cli.run("transport", tmp.resolve("usps").toString(), "in=" + tmp.resolve("usps.npy"), "out=" + tmp.resolve("moved.npy"));
        assertEquals(0, t.status(), t.err());
        INDArray moved = Nd4j.createFromNpyFile(tmp.resolve("moved.npy").toFile());
        assertEquals(run.components().generator().infer(usps), moved, "USPS digits go through G of the final checkpoint");
        assertTrue(moved.sub(usps).norm2Number().doubleValue() > 1, "the generator moves the digits");
    }

    @Test
    void aDivergedRunStopsInOneLineAndItsLastFiniteCheckpointStillSamples() throws IOException {
        Cli.Result r = Cli.run("run", "../configs/ring-w2.properties", "generator.lr=1e8", "critic.lr=1e8", "run.iterations=50",
                "flow.batch=128", "eval.source_size=100", "eval.data_size=100", "run.out=" + tmp, "run.name=div");
        assertEquals(RunStopped.DIVERGED, r.status(), r.err());
        assertTrue(r.err().strip().lines().count() == 1 && r.err().matches("(?s)wasserflow: diverged at iteration \\d+: .* is not finite "
                + "\\((critic|generator)\\.lr=1\\.0E8\\); the last finite checkpoint is .*\\s*"), r.err());
        assertTrue(Files.readString(tmp.resolve("div/provenance.properties")).contains("status = diverged"));
        Cli.Result s = Cli.run("sample", tmp.resolve("div").toString(), "n=10", "out=" + tmp.resolve("div.npy"));
        assertEquals(0, s.status(), s.err());
        assertTrue(Double.isFinite(Nd4j.createFromNpyFile(tmp.resolve("div.npy").toFile()).sumNumber().doubleValue()));
    }

    /** {@code wasserflow transport} of {@code points} on the shared ring run. */
    private INDArray transport(INDArray points, String name) throws IOException {
        Path in = tmp.resolve(name + "-in.npy");
        Path out = tmp.resolve(name + "-out.npy");
        Nd4j.writeAsNumpy(points, in.toFile());
        Cli.Result r = Cli.run("transport", ring.toString(), "in=" + in, "out=" + out);
        assertEquals(0, r.status(), r.err());
        return Nd4j.createFromNpyFile(out.toFile());
    }

    /** {@code wasserflow sample n=...} on the shared ring run. */
    private INDArray sample(int n, String name) throws IOException {
        Path out = tmp.resolve(name + ".npy");
        Cli.Result r = Cli.run("sample", ring.toString(), "n=" + n, "out=" + out);
        assertEquals(0, r.status(), r.err());
        return Nd4j.createFromNpyFile(out.toFile());
    }

    /** The distance from {@code p} to the nearest of {@code points} other than the one at index {@code self}. */
    private static double nearest(double[][] points, double[] p, int self) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < points.length; j++) {
            if (j != self) {
                best = Math.min(best, Math.hypot(points[j][0] - p[0], points[j][1] - p[1]));
            }
        }
        return best;
    }

    private Map<String, Double> train(String preset, String name, String... overrides) throws IOException {
        List<String> args = new ArrayList<>(List.of(overrides));
        args.add("run.out=" + tmp);
        args.add("run.name=" + name);
        return new TrainCommand(new ConfigLoader().load(Path.of("..").resolve(preset), args), getClass().getClassLoader(), "test").execute();
    }

    /** The data evaluation set of a finished run, as its resolved configuration draws it. */
    private double[] evaluationData(Path run) throws IOException {
        TrainedRun r = TrainedRun.open(run, "", getClass().getClassLoader());
        return Points.flat(r.components().problem().evaluationData().points().castTo(DataType.DOUBLE));
    }
}
