package org.wasserflow.problems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasserflow.problems.TestLaws.refused;
import static org.wasserflow.problems.TestLaws.with;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.problems.laws.EslDigitsLaw;
import org.wasserflow.problems.laws.IdxLaw;

/** The {@code idx} and {@code esl-digits} laws on the digit fixtures (30 images per digit) and on bad files. */
class DigitFileLawsTest {

    static final Path USPS = TestLaws.fixture("digits/usps/zip.train.gz");
    static final Path IMAGES = TestLaws.fixture("digits/mnist/train-images-idx3-ubyte.gz");
    static final Path LABELS = TestLaws.fixture("digits/mnist/train-labels-idx1-ubyte.gz");

    @TempDir
    Path dir;

    private static Sample all(Law law) {
        return law.rows(IntStream.range(0, law.size().getAsInt()).toArray());
    }

    private static void checkDigits(Sample s, int columns) {
        assertEquals(300, s.size());
        assertEquals(columns, s.points().columns());
        int[] counts = new int[10];
        for (int y : s.labels()) {
            assertTrue(y >= 0 && y <= 9, "label " + y + " is a digit");
            counts[y]++;
        }
        assertArrayEquals(IntStream.generate(() -> 30).limit(10).toArray(), counts, "30 images per digit");
        for (float v : s.points().data().asFloat()) {
            assertTrue(v >= -1 && v <= 1, "grey value " + v + " in [-1, 1]");
        }
        assertTrue(s.points().maxNumber().doubleValue() > 0.9 && s.points().minNumber().doubleValue() < -0.9, "ink and paper");
    }

    @Test
    void uspsInEslFormatHasItsCountsLabelsAndValues() throws Exception {
        Law law = new EslDigitsLaw(TestLaws.settings(ProblemsModule.ESL_DIGITS, "data.path", USPS.toString()));
        assertEquals(256, law.dimension());
        assertTrue(law.labelled());
        Sample s = all(law);
        checkDigits(s, 256);
        assertEquals(6, s.labels()[0], "the first line's label 6.0000");
        assertEquals(NpyLawTest.sha256(USPS), law.provenance().get("law.sha256"));
        assertEquals(USPS.toAbsolutePath().toString(), law.provenance().get("law.path"));
    }

    @Test
    void mnistAtItsNativeSizeAndResizedTo16And14ByAreaAveraging() throws Exception {
        Law nativeSize = new IdxLaw(TestLaws.settings(ProblemsModule.IDX, "data.images", IMAGES.toString(), "data.labels", LABELS.toString()));
        assertEquals(784, nativeSize.dimension());
        checkDigits(all(nativeSize), 784);
        Law sixteen = new IdxLaw(TestLaws.settings(ProblemsModule.IDX, "data.images", IMAGES.toString(), "data.labels", LABELS.toString(),
                "data.side", "16"));
        assertEquals(256, sixteen.dimension(), "16x16 gives 256 columns, as USPS");
        checkDigits(all(sixteen), 256);
        assertEquals(NpyLawTest.sha256(LABELS), sixteen.provenance().get("law.labels_sha256"));
        byte[] pixels;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(IMAGES))) {
            pixels = in.readAllBytes();
        }
        Law fourteen = new IdxLaw(TestLaws.settings(ProblemsModule.IDX, "data.images", IMAGES.toString(), "data.side", "14"));
        assertFalse(fourteen.labelled(), "no label file, no labels");
        int image = 7;
        float[] row = fourteen.rows(new int[] {image}).points().data().asFloat();
        float[] raw = nativeSize.rows(new int[] {image}).points().data().asFloat();
        for (int i = 0; i < 14; i++) {
            for (int j = 0; j < 14; j++) {
                int at = 16 + image * 784 + 2 * i * 28 + 2 * j;
                double mean = ((pixels[at] & 0xff) + (pixels[at + 1] & 0xff) + (pixels[at + 28] & 0xff) + (pixels[at + 29] & 0xff)) / 4.0;
                assertEquals(mean / 255 * 2 - 1, row[i * 14 + j], 1e-5, "pixel (" + i + ", " + j + ") is the mean of its 2x2 block");
                assertEquals((pixels[at] & 0xff) / 255.0 * 2 - 1, raw[2 * i * 28 + 2 * j], 1e-6, "native value");
            }
        }
    }

    private Path idx(String name, int magic, int count, int... dims) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            for (int d : dims) {
                out.writeInt(d);
            }
            int size = count * IntStream.of(dims).reduce(1, (a, b) -> a * b);
            out.write(new byte[size]);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void badIdxFilesAreRefusedNamingTheKeyAndTheFile() throws Exception {
        refused(IdxLaw::new, ProblemsModule.IDX, "data.images", with(), "no file given");
        refused(IdxLaw::new, ProblemsModule.IDX, "data.images", with("data.images", LABELS.toString()), LABELS.toString(),
                "magic number 0x801, expected 0x803");
        refused(IdxLaw::new, ProblemsModule.IDX, "data.labels", with("data.images", IMAGES.toString(), "data.labels", IMAGES.toString()),
                "magic number 0x803, expected 0x801");
        Path short299 = idx("labels299", 0x801, 299);
        refused(IdxLaw::new, ProblemsModule.IDX, "data.labels", with("data.images", IMAGES.toString(), "data.labels", short299.toString()),
                short299.toString(), "299 labels for the 300 images of " + IMAGES);
        Path images = idx("images", 0x803, 3, 4, 4);
        byte[] whole = Files.readAllBytes(images);
        Path truncated = Files.write(dir.resolve("truncated"), java.util.Arrays.copyOf(whole, whole.length - 1));
        refused(IdxLaw::new, ProblemsModule.IDX, "data.images", with("data.images", truncated.toString()), "image 3", "truncated");
        Path none = idx("none", 0x803, 0, 4, 4);
        refused(IdxLaw::new, ProblemsModule.IDX, "data.images", with("data.images", none.toString()), "0 images");
        refused(IdxLaw::new, ProblemsModule.IDX, "data.images", with("data.images", Files.writeString(dir.resolve("e"), "").toString()),
                "truncated before the end of the IDX header");
    }

    @Test
    void badEslFilesAreRefusedNamingTheKeyTheFileAndTheLine() throws Exception {
        Path ragged = Files.writeString(dir.resolve("ragged"), "1 0.5 0.5 0.5\n2 0.1 0.2 0.3\n\n3 0.1 0.2\n");
        refused(EslDigitsLaw::new, ProblemsModule.ESL_DIGITS, "data.path", with("data.path", ragged.toString()), ragged.toString(), "line 4",
                "found 3 fields, expected 4");
        Path label = Files.writeString(dir.resolve("label"), "1 0.5\n2.5 0.1\n");
        refused(EslDigitsLaw::new, ProblemsModule.ESL_DIGITS, "data.path", with("data.path", label.toString()), "line 2, field 1",
                "label '2.5' is not an integer");
        Path word = Files.writeString(dir.resolve("word"), "1 0.5 x\n");
        refused(EslDigitsLaw::new, ProblemsModule.ESL_DIGITS, "data.path", with("data.path", word.toString()), "line 1, field 3",
                "not a number: 'x'");
        Path nan = Files.writeString(dir.resolve("nan"), "1 0.5 1\n2 NaN 1\n");
        refused(EslDigitsLaw::new, ProblemsModule.ESL_DIGITS, "data.path", with("data.path", nan.toString()), "line 2, field 2", "not finite");
        Path empty = Files.writeString(dir.resolve("empty"), "\n\n");
        refused(EslDigitsLaw::new, ProblemsModule.ESL_DIGITS, "data.path", with("data.path", empty.toString()), "no rows");
        Path eleven = Files.writeString(dir.resolve("eleven"), "3 " + "0.5 ".repeat(11) + "\n4 " + "-0.5 ".repeat(11) + "\n");
        Law law = new EslDigitsLaw(TestLaws.settings(ProblemsModule.ESL_DIGITS, "data.path", eleven.toString()));
        assertEquals(11, law.dimension(), "any number of values per line");
        assertArrayEquals(new int[] {4, 3}, law.rows(new int[] {1, 0}).labels());
    }
}
