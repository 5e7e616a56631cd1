package org.wasserflow.problems;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasserflow.problems.TestLaws.refused;
import static org.wasserflow.problems.TestLaws.with;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.problems.laws.NpyLaw;

/** The {@code npy} law: exact round trips through ND4J and NumPy files, labels, standardisation and every refusal. */
class NpyLawTest {

    @TempDir
    Path dir;

    private Path write(String name, INDArray a) throws IOException {
        Path file = dir.resolve(name);
        Nd4j.writeAsNumpy(a, file.toFile());
        return file;
    }

    private static Law npy(String... keyValues) {
        return new NpyLaw(TestLaws.settings(ProblemsModule.NPY, keyValues));
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aFloatArrayComesBackExactlyWithItsLabelsSizeAndProvenance() throws Exception {
        float[][] rows = {{1.5f, -2f, 0.25f}, {3f, 4f, 5f}, {-7f, 8.125f, 9f}, {0f, 0f, 1e-3f}};
        Path file = write("x.npy", Nd4j.create(rows));
        Path labels = write("y.npy", Nd4j.createFromArray(3L, 0L, 9L, 4L));
        Law law = npy("data.path", file.toString(), "data.labels_path", labels.toString());
        assertEquals(3, law.dimension());
        assertEquals(4, law.size().getAsInt());
        assertTrue(law.labelled());
        Sample s = law.rows(new int[] {2, 0, 3, 1});
        assertArrayEquals(new float[] {-7f, 8.125f, 9f, 1.5f, -2f, 0.25f, 0f, 0f, 1e-3f, 3f, 4f, 5f}, s.points().data().asFloat());
        assertArrayEquals(new int[] {9, 3, 4, 0}, s.labels());
        Map<String, String> p = law.provenance();
        assertEquals(file.toAbsolutePath().toString(), p.get("law.path"));
        assertEquals(sha256(file), p.get("law.sha256"));
        assertEquals(sha256(labels), p.get("law.labels_sha256"));
        assertEquals("4", p.get("law.rows"));
        assertEquals("3", p.get("law.columns"));
        assertFalse(p.containsKey("law.standardize"), "not standardised by default");
    }

    @Test
    void aDoubleArrayOfDimensionTwelveIsReadAsFloatAndSamplesAreItsRows() throws Exception {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 30, 12).subi(0.5).muli(100);
        Law law = npy("data.path", write("x12.npy", x).toString());
        assertEquals(12, law.dimension());
        assertFalse(law.labelled());
        assertEquals(x.castTo(DataType.FLOAT), law.rows(java.util.stream.IntStream.range(0, 30).toArray()).points());
        Sample s = law.sample(10, new SplittableRandom(2));
        assertNull(s.labels());
        RandomGenerator same = new SplittableRandom(2);
        for (int i = 0; i < 10; i++) {
            assertEquals(x.getRow(same.nextInt(30)).castTo(DataType.FLOAT), s.points().getRow(i), "draw " + i + " is the row rng picks");
        }
    }

    @Test
    void numpyFilesReadAsNumpyWroteThemIncludingFortranOrder() {
        Law law = npy("data.path", TestLaws.fixture("laws/fortran.npy").toString());
        assertEquals(4, law.size().getAsInt());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, law.rows(new int[] {0, 1, 2, 3}).points().data().asFloat(),
                "np.asfortranarray(np.arange(12).reshape(4, 3)) reads as its C-ordered values");
        Law labelled = npy("data.path", TestLaws.fixture("laws/points12.npy").toString(), "data.labels_path",
                TestLaws.fixture("laws/labels12.npy").toString());
        assertEquals(12, labelled.dimension());
        assertArrayEquals(new int[] {0, 1, 2, 3, 0}, labelled.rows(new int[] {0, 1, 2, 3, 4}).labels(), "int64 labels i % 4");
    }

    @Test
    void standardisedColumnsHaveMeanZeroAndStdOneAndAreRecorded() throws Exception {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 200, 3).muli(Nd4j.createFromArray(2.0, 10.0, 0.5)).addi(Nd4j.createFromArray(5.0, -3.0, 1.0));
        x.putColumn(2, Nd4j.valueArrayOf(new long[] {200, 1}, 7.0, DataType.DOUBLE));
        Law law = npy("data.path", write("s.npy", x).toString(), "data.standardize", "true");
        INDArray z = law.rows(java.util.stream.IntStream.range(0, 200).toArray()).points().castTo(DataType.DOUBLE);
        for (int k = 0; k < 2; k++) {
            assertEquals(0, z.getColumn(k).meanNumber().doubleValue(), 1e-5, "mean of column " + k);
            assertEquals(1, z.getColumn(k).stdNumber(false).doubleValue(), 1e-4, "std of column " + k);
        }
        assertEquals(0, z.getColumn(2).maxNumber().doubleValue(), 0, "a constant column is centred, not divided");
        Map<String, String> p = law.provenance();
        assertEquals("true", p.get("law.standardize"));
        double[] means = Arrays.stream(p.get("law.means").split(",")).mapToDouble(Double::parseDouble).toArray();
        double[] stds = Arrays.stream(p.get("law.stds").split(",")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(x.getColumn(0).meanNumber().doubleValue(), means[0], 1e-5);
        assertEquals(x.getColumn(1).stdNumber(false).doubleValue(), stds[1], 1e-4);
        assertEquals(7.0, means[2], 1e-6);
        assertEquals(0.0, stds[2], 0);
    }

    @Test
    void badFilesAreRefusedNamingTheKeyTheFileAndTheEntry() throws Exception {
        Path good = write("good.npy", Nd4j.create(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
        String missing = dir.resolve("missing.npy").toString();
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with(), "no file given");
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", missing), missing, "not found");
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", dir.toString()), "not a regular file");
        Path text = Files.writeString(dir.resolve("text.npy"), "1,2\n3,4\n");
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", text.toString()), text.toString(), "not a .npy file");
        Path cube = write("cube.npy", Nd4j.zeros(DataType.FLOAT, 2, 2, 2));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", cube.toString()), cube.toString(), "[2, 2, 2]", "not 2-D");
        Path vector = write("vector.npy", Nd4j.createFromArray(1f, 2f));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", vector.toString()), "not 2-D");
        Path ints = write("ints.npy", Nd4j.createFromArray(new int[][] {{1, 2}}));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", ints.toString()), "data type int32");
        Path nan = write("nan.npy", Nd4j.create(new float[][] {{1, 2}, {3, Float.NaN}}));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", nan.toString()), nan.toString(), "row 1, column 1", "NaN");
        Path inf = write("inf.npy", Nd4j.create(new double[][] {{Double.NEGATIVE_INFINITY, 2}}));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", inf.toString()), "row 0, column 0", "not finite");
        Path empty = write("empty.npy", Nd4j.create(DataType.FLOAT, 0, 3));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", empty.toString()), "holds no data");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.npy"), Arrays.copyOf(bytes, bytes.length - 5));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", truncated.toString()), "truncated");
    }

    @Test
    void damagedShapesAndLengthsAreRefusedInOneLineNamingTheFile() throws Exception {
        Path good = write("good.npy", Nd4j.create(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
        Path negative = withShape(good, "negative.npy", "(-5, 2)");
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", negative.toString()), negative.toString(), "(-5, 2)",
                "negative dimension");
        Path huge = withShape(good, "huge.npy", "(4611686018427387904, 4)");
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", huge.toString()), huge.toString(), "truncated",
                "more than 2^63");
        Path notInts = withShape(good, "text.npy", "(3, 'a')");
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", notInts.toString()), "not a tuple of integers");
        byte[] bytes = Files.readAllBytes(good);
        Path longer = Files.write(dir.resolve("longer.npy"), Arrays.copyOf(bytes, bytes.length + 8));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.path", with("data.path", longer.toString()), longer.toString(),
                "longer than its header says", "needs 24 bytes of data, the file holds 32");
    }

    /** A copy of the version-1 {@code .npy} file {@code npy} whose header announces {@code shape}, padded to the same length. */
    private Path withShape(Path npy, String name, String shape) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        int length = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        String dict = new String(bytes, 10, length, StandardCharsets.ISO_8859_1).strip()
                .replaceAll("'shape'\\s*:\\s*\\([^)]*\\)", "'shape': " + java.util.regex.Matcher.quoteReplacement(shape));
        byte[] header = (dict + " ".repeat(length - 1 - dict.length()) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(length, header.length);
        System.arraycopy(header, 0, bytes, 10, length);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void badLabelsAreRefusedNamingTheLabelKeyAndBothCounts() throws Exception {
        String good = write("good.npy", Nd4j.create(new float[][] {{1, 2}, {3, 4}, {5, 6}})).toString();
        Path two = write("two.npy", Nd4j.createFromArray(1, 2));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.labels_path", with("data.path", good, "data.labels_path", two.toString()),
                two.toString(), "2 labels for the 3 rows of " + good);
        Path half = write("half.npy", Nd4j.createFromArray(1.0, 2.5, 3.0));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.labels_path", with("data.path", good, "data.labels_path", half.toString()),
                "row 1", "label 2.5 is not an integer");
        Path matrix = write("matrix.npy", Nd4j.createFromArray(new int[][] {{1}, {2}, {3}}));
        refused(NpyLaw::new, ProblemsModule.NPY, "data.labels_path", with("data.path", good, "data.labels_path", matrix.toString()),
                "not 1-D");
        refused(NpyLaw::new, ProblemsModule.NPY, "data.labels_path", with("data.path", good, "data.labels_path", dir.resolve("no.npy").toString()),
                "not found");
    }
}
