package org.wasserflow.runners.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasserflow.api.ConfigException;
import org.wasserflow.runners.TestData;

/**
 * The USPS and MNIST readers on the full data when it is there (counts per digit of the published sets) and
 * otherwise on the committed fixtures (their exact counts), and their errors on missing or malformed files.
 */
class DigitsReadersTest {

    private static final Path DATA = TestData.digits();
    private static final int[] USPS_TRAIN = {1194, 1005, 731, 658, 652, 556, 664, 645, 542, 644};
    private static final int[] MNIST_TRAIN = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] MNIST_TEST = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
    private static final Map<Path, Digits> READ = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    @Test
    void uspsTrainHasTheEslCountsAndRange() {
        Digits d = usps(DATA);
        assertArrayEquals(expected(USPS_TRAIN), perDigit(d));
        assertEquals(TestData.fullDigits() ? 7291 : 10 * TestData.FIXTURE_PER_DIGIT, d.count());
        assertRange(d);
    }

    @ParameterizedTest
    @CsvSource({"train", "t10k"})
    void mnistHasTheIdxCountsAndRange(String set) {
        Digits d = mnist(DATA, set);
        assertArrayEquals(expected(set.equals("train") ? MNIST_TRAIN : MNIST_TEST), perDigit(d));
        assertRange(d);
    }

    @Test
    void mnistTestIsResizedTo16By16InMinusOneToOne() {
        Digits d = mnist(DATA, "t10k");
        double corner = 0;
        double centre = 0;
        for (int i = 0; i < d.count(); i++) {
            corner += d.pixels()[i * 256];
            centre += d.pixels()[i * 256 + 8 * 16 + 8];
        }
        assertEquals(-1.0, corner / d.count(), 1e-6, "MNIST corners are blank");
        assertTrue(centre / d.count() > -0.5, "ink in the centre: " + centre / d.count());
    }

    @Test
    void fixturesAreTheFirstImagesOfEachDigitOfTheFullData() {
        assumeTrue(TestData.fullDigits(), "needs the full data in " + TestData.SHARED);
        Path fixtures = TestData.fixtures();
        assertSameDigits(firstPerDigit(usps(TestData.SHARED)), usps(fixtures), "usps/zip.train.gz");
        for (String set : new String[] {"train", "t10k"}) {
            assertSameDigits(firstPerDigit(mnist(TestData.SHARED, set)), mnist(fixtures, set), "mnist " + set);
        }
    }

    @Test
    void areaResizeAveragesExactly() {
        byte[] image = new byte[28 * 28];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                image[r * 28 + c] = (byte) (c < 14 ? 255 : 0);
            }
        }
        float[] out = new float[256];
        MnistReader.resize(image, 28, 28, out, 0);
        for (int i = 0; i < 16; i++) {
            assertEquals(1.0, out[i * 16], 1e-6);
            assertEquals(-1.0, out[i * 16 + 15], 1e-6);
            assertEquals(0.0, out[i * 16 + 7] + out[i * 16 + 8], 1e-6, "the boundary columns split evenly");
        }
    }

    @Test
    void missingAndMalformedFilesAreNamed() throws IOException {
        ConfigException missing = assertThrows(ConfigException.class, () -> UspsReader.read(tmp.resolve("zip.train.gz"), "usps_mnist.data_dir"));
        assertTrue(missing.getMessage().contains("usps_mnist.data_dir") && missing.getMessage().contains("not found"), missing.getMessage());
        Path bad = Files.writeString(tmp.resolve("zip.bad"), "3 " + "0.5 ".repeat(255) + "\n4 0.1 0.2\n");
        ConfigException line = assertThrows(ConfigException.class, () -> UspsReader.read(bad, "k"));
        assertTrue(line.getMessage().contains("line 1") && line.getMessage().contains("found 256 fields"), line.getMessage());
        Path idx = tmp.resolve("images");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(idx))) {
            out.writeInt(0x0803);
            out.writeInt(1);
            out.writeInt(28);
            out.writeInt(28);
            out.write(new byte[100]);
        }
        Path labels = tmp.resolve("labels");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x0801);
            out.writeInt(1);
            out.writeByte(7);
        }
        ConfigException truncated = assertThrows(ConfigException.class, () -> MnistReader.read(idx, labels, "k"));
        assertTrue(truncated.getMessage().contains("truncated") && truncated.getMessage().contains(idx.toString()), truncated.getMessage());
        ConfigException magic = assertThrows(ConfigException.class, () -> MnistReader.read(labels, labels, "k"));
        assertTrue(magic.getMessage().contains("magic number"), magic.getMessage());
    }

    @Test
    void nearestNeighbourMatchesBruteForce() {
        java.util.Random rnd = new java.util.Random(3);
        int n = 300;
        int q = 2100;
        float[] p = new float[n * 5];
        float[] x = new float[q * 5];
        int[] labels = new int[n];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = i;
        }
        int[] fast = new NearestNeighbour(org.nd4j.linalg.factory.Nd4j.create(p, new long[] {n, 5}, 'c'), labels)
                .predict(org.nd4j.linalg.factory.Nd4j.create(x, new long[] {q, 5}, 'c'));
        int exact = 0;
        for (int i = 0; i < q; i++) {
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int j = 0; j < n; j++) {
                double s = distance(x, i, p, j);
                if (s < best) {
                    best = s;
                    arg = j;
                }
            }
            assertTrue(distance(x, i, p, fast[i]) <= best * (1 + 1e-5) + 1e-6, "query " + i + " gets a nearest point");
            exact += fast[i] == arg ? 1 : 0;
        }
        assertTrue(exact > q - 5, "the same point up to float ties: " + exact);
    }

    private static double distance(float[] x, int i, float[] p, int j) {
        double s = 0;
        for (int k = 0; k < 5; k++) {
            s += (x[i * 5 + k] - p[j * 5 + k]) * (x[i * 5 + k] - p[j * 5 + k]);
        }
        return s;
    }

    private static Digits usps(Path dir) {
        return READ.computeIfAbsent(dir.resolve("usps/zip.train.gz"), f -> UspsReader.read(f, "k"));
    }

    private static Digits mnist(Path dir, String set) {
        Path images = dir.resolve("mnist/" + set + "-images-idx3-ubyte.gz");
        return READ.computeIfAbsent(images, f -> MnistReader.read(f, dir.resolve("mnist/" + set + "-labels-idx1-ubyte.gz"), "k"));
    }

    /** The per-digit counts of the full set, or those of the fixtures when they are read. */
    private static int[] expected(int[] full) {
        int[] fixture = new int[10];
        Arrays.fill(fixture, TestData.FIXTURE_PER_DIGIT);
        return TestData.fullDigits() ? full : fixture;
    }

    private static int[] perDigit(Digits d) {
        int[] counts = new int[10];
        for (int y : d.labels()) {
            assertTrue(y >= 0 && y <= 9, "label " + y);
            counts[y]++;
        }
        return counts;
    }

    /** The first {@link TestData#FIXTURE_PER_DIGIT} images of each digit, in file order: what the fixtures hold. */
    private static Digits firstPerDigit(Digits full) {
        int[] seen = new int[10];
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < full.count(); i++) {
            if (seen[full.labels()[i]]++ < TestData.FIXTURE_PER_DIGIT) {
                keep.add(i);
            }
        }
        float[] pixels = new float[keep.size() * Digits.SIZE];
        int[] labels = new int[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            System.arraycopy(full.pixels(), keep.get(k) * Digits.SIZE, pixels, k * Digits.SIZE, Digits.SIZE);
            labels[k] = full.labels()[keep.get(k)];
        }
        return new Digits(pixels, labels);
    }

    private static void assertSameDigits(Digits expected, Digits actual, String what) {
        assertArrayEquals(expected.labels(), actual.labels(), what + " labels");
        assertArrayEquals(expected.pixels(), actual.pixels(), what + " pixels");
    }

    private static void assertRange(Digits d) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : d.pixels()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(lo >= -1.0001f && hi <= 1.0001f && hi - lo > 1.5f, lo + " .. " + hi);
    }
}
