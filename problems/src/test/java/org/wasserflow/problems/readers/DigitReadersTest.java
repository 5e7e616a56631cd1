package org.wasserflow.problems.readers;

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

/**
 * The ESL and IDX readers on the USPS and MNIST digits: on the full data when it is there (the per-digit counts of
 * the published sets, and the fixtures are its first images of each digit), otherwise on the committed fixtures
 * (their exact counts); the 28 to 16 area resize; and their errors on missing, ragged or truncated files. The
 * laws' refusals (magic numbers, label counts, bad ESL fields) and the 2x2 resize at side 14 are
 * {@code DigitFileLawsTest}'s.
 */
class DigitReadersTest {

    private static final Path DATA = DigitData.digits();
    private static final int[] USPS_TRAIN = {1194, 1005, 731, 658, 652, 556, 664, 645, 542, 644};
    private static final int[] MNIST_TRAIN = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] MNIST_TEST = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
    private static final Map<Path, Table> READ = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    @Test
    void uspsTrainHasTheEslCountsAndRange() {
        Table t = usps(DATA);
        assertEquals(256, t.columns());
        assertArrayEquals(expected(USPS_TRAIN), perDigit(t));
        assertEquals(DigitData.full() ? 7291 : 10 * DigitData.FIXTURE_PER_DIGIT, t.rows());
        assertRange(t);
    }

    @ParameterizedTest
    @CsvSource({"train, 60000", "t10k, 10000"})
    void mnistHasTheIdxCountsAndRange(String set, int fullCount) {
        Table t = mnist(DATA, set);
        assertEquals(256, t.columns());
        assertArrayEquals(expected(set.equals("train") ? MNIST_TRAIN : MNIST_TEST), perDigit(t));
        assertEquals(DigitData.full() ? fullCount : 10 * DigitData.FIXTURE_PER_DIGIT, t.rows());
        assertRange(t);
    }

    @Test
    void mnistTestIsResizedTo16By16InMinusOneToOne() {
        Table t = mnist(DATA, "t10k");
        double corner = 0;
        double centre = 0;
        for (int i = 0; i < t.rows(); i++) {
            corner += t.values()[i * 256];
            centre += t.values()[i * 256 + 8 * 16 + 8];
        }
        assertEquals(-1.0, corner / t.rows(), 1e-6, "MNIST corners are blank");
        assertTrue(centre / t.rows() > -0.5, "ink in the centre: " + centre / t.rows());
    }

    @Test
    void fixturesAreTheFirstImagesOfEachDigitOfTheFullData() {
        assumeTrue(DigitData.full(), "needs the full data in " + DigitData.SHARED);
        Path fixtures = DigitData.fixtures();
        assertSameRows(firstPerDigit(usps(DigitData.SHARED)), usps(fixtures), DigitData.USPS_TRAIN);
        for (String set : new String[] {"train", "t10k"}) {
            assertSameRows(firstPerDigit(mnist(DigitData.SHARED, set)), mnist(fixtures, set), "mnist " + set);
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
        IdxReader.resize(image, 28, 28, 16, out, 0);
        for (int i = 0; i < 16; i++) {
            assertEquals(1.0, out[i * 16], 1e-6);
            assertEquals(-1.0, out[i * 16 + 15], 1e-6);
            assertEquals(0.0, out[i * 16 + 7] + out[i * 16 + 8], 1e-6, "the boundary columns split evenly");
        }
    }

    @Test
    void missingRaggedAndTruncatedFilesAreNamed() throws IOException {
        Path absent = tmp.resolve("zip.train.gz");
        ConfigException missing = assertThrows(ConfigException.class, () -> DataFiles.require(absent.toString(), "source.path", "an ESL file"));
        assertEquals("source.path", missing.key());
        assertMessage(missing, "source.path: ", absent.toString(), "not found");
        Path bad = Files.writeString(tmp.resolve("zip.bad"), "3 " + "0.5 ".repeat(255) + "\n4 0.1 0.2\n");
        ConfigException line = assertThrows(ConfigException.class, () -> EslReader.read(bad, "source.path"));
        assertMessage(line, "source.path: ", bad.toString(), "line 2", "found 3 fields, expected 256", "as on line 1");
        Path idx = tmp.resolve("images");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(idx))) {
            out.writeInt(IdxReader.IMAGES);
            out.writeInt(1);
            out.writeInt(28);
            out.writeInt(28);
            out.write(new byte[100]);
        }
        ConfigException truncated = assertThrows(ConfigException.class, () -> IdxReader.images(idx, "data.images", 16));
        assertEquals("data.images", truncated.key());
        assertMessage(truncated, "data.images: ", idx.toString(), "image 1", "truncated", "1 images of 28x28");
    }

    private static void assertMessage(ConfigException e, String... fragments) {
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "the message contains '" + f + "': " + e.getMessage());
        }
    }

    private static Table usps(Path dir) {
        return READ.computeIfAbsent(dir.resolve(DigitData.USPS_TRAIN),
                f -> EslReader.read(DataFiles.require(f.toString(), "source.path", "an ESL file"), "source.path"));
    }

    /** The images of MNIST {@code set} in {@code dir} at 16x16, with their labels. */
    private static Table mnist(Path dir, String set) {
        return READ.computeIfAbsent(dir.resolve(DigitData.images(set)), f -> {
            Path images = DataFiles.require(f.toString(), "data.images", "an IDX image file");
            Path labels = DataFiles.require(dir.resolve(DigitData.labels(set)).toString(), "data.labels", "an IDX label file");
            Table t = IdxReader.images(images, "data.images", 16);
            return t.withLabels(IdxReader.labels(labels, "data.labels", t.rows(), images));
        });
    }

    /** The per-digit counts of the full set, or those of the fixtures when they are read. */
    private static int[] expected(int[] full) {
        int[] fixture = new int[10];
        Arrays.fill(fixture, DigitData.FIXTURE_PER_DIGIT);
        return DigitData.full() ? full : fixture;
    }

    private static int[] perDigit(Table t) {
        assertTrue(t.labelled(), "digits carry labels");
        int[] counts = new int[10];
        for (int y : t.labels()) {
            assertTrue(y >= 0 && y <= 9, "label " + y);
            counts[y]++;
        }
        return counts;
    }

    /** The first {@link DigitData#FIXTURE_PER_DIGIT} images of each digit, in file order: what the fixtures hold. */
    private static Table firstPerDigit(Table full) {
        int[] seen = new int[10];
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < full.rows(); i++) {
            if (seen[full.labels()[i]]++ < DigitData.FIXTURE_PER_DIGIT) {
                keep.add(i);
            }
        }
        int d = full.columns();
        float[] values = new float[keep.size() * d];
        int[] labels = new int[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            System.arraycopy(full.values(), keep.get(k) * d, values, k * d, d);
            labels[k] = full.labels()[keep.get(k)];
        }
        return new Table(values, d, labels);
    }

    private static void assertSameRows(Table expected, Table actual, String what) {
        assertEquals(expected.columns(), actual.columns(), what + " columns");
        assertArrayEquals(expected.labels(), actual.labels(), what + " labels");
        assertArrayEquals(expected.values(), actual.values(), what + " values");
    }

    private static void assertRange(Table t) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : t.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(lo >= -1.0001f && hi <= 1.0001f && hi - lo > 1.5f, lo + " .. " + hi);
    }
}
