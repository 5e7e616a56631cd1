package org.wasserflow.problems;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasserflow.problems.TestLaws.refused;
import static org.wasserflow.problems.TestLaws.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.problems.laws.CsvLaw;

/** The {@code csv} law: exact round trips, header detection, column and label selection, standardisation and every refusal. */
class CsvLawTest {

    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static Law csv(String... keyValues) {
        return new CsvLaw(TestLaws.settings(ProblemsModule.CSV, keyValues));
    }

    private static float[] all(Law law) {
        return law.rows(IntStream.range(0, law.size().getAsInt()).toArray()).points().data().asFloat();
    }

    @Test
    void aHeaderIsDetectedAndTheRowsComeBackExactlyWithLabelsAndProvenance() throws Exception {
        String path = file("a.csv", "x,y,label\n1.5,-2,3\n0.25,4e2,0\n\n-7,8.125,9\n");
        Law law = csv("data.path", path, "data.label_column", "label");
        assertEquals(2, law.dimension());
        assertEquals(3, law.size().getAsInt(), "the header is not a row; the empty line is skipped");
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f, 400f, -7f, 8.125f}, all(law));
        Sample s = law.rows(new int[] {2, 0});
        assertArrayEquals(new float[] {-7f, 8.125f, 1.5f, -2f}, s.points().data().asFloat());
        assertArrayEquals(new int[] {9, 3}, s.labels());
        Map<String, String> p = law.provenance();
        assertEquals(Path.of(path).toAbsolutePath().toString(), p.get("law.path"));
        assertEquals(NpyLawTest.sha256(Path.of(path)), p.get("law.sha256"));
        assertEquals("3", p.get("law.rows"));
        assertEquals("2", p.get("law.columns"));
        assertEquals("x,y", p.get("law.column_names"));
        assertEquals("true", p.get("law.header"));
    }

    @Test
    void aFileWithoutHeaderKeepsItsFirstRowAndHeaderFalseOrTrueOverridesDetection() throws Exception {
        String path = file("b.csv", "1,2,3\n4,5,6\n");
        Law auto = csv("data.path", path);
        assertEquals(2, auto.size().getAsInt());
        assertEquals(3, auto.dimension());
        assertFalse(auto.labelled());
        assertNull(auto.sample(3, new java.util.SplittableRandom(1)).labels());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, all(auto));
        assertEquals("false", auto.provenance().get("law.header"));
        Law declared = csv("data.path", path, "data.header", "true");
        assertEquals(1, declared.size().getAsInt(), "header=true takes the numeric first row for names");
        assertArrayEquals(new float[] {4, 5, 6}, all(declared));
        String named = file("c.csv", "a;b\n1;2\n");
        assertThrows(ConfigException.class, () -> csv("data.path", named, "data.header", "false", "data.delimiter", ";"),
                "header=false makes the names a data row, which is not numeric");
    }

    @Test
    void aFirstRowOfColumnIndicesIsRefusedAsAmbiguousUnlessTheHeaderIsDeclared() throws Exception {
        String pandas = file("pandas.csv", "0,1\n0.5,1.5\n2.5,3.5\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.header", with("data.path", pandas), pandas, "line 1", "'0,1'",
                "data.header=true", "data.header=false");
        Law header = csv("data.path", pandas, "data.header", "true");
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f}, all(header), "header=true: pandas' column indices name the columns");
        assertEquals("0,1", header.provenance().get("law.column_names"));
        Law data = csv("data.path", pandas, "data.header", "false");
        assertArrayEquals(new float[] {0f, 1f, 0.5f, 1.5f, 2.5f, 3.5f}, all(data), "header=false: the first row is data");
        String single = file("single.csv", "0\n7\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.header", with("data.path", single), single, "'0'");
        assertArrayEquals(new float[] {1f, 0f, 3f, 4f}, all(csv("data.path", file("data.csv", "1,0\n3,4\n"))),
                "a numeric first row that is not the indices is data");
        assertArrayEquals(new float[] {3f, 4f}, all(csv("data.path", file("float.csv", "0.0,1.0\n3,4\n"), "data.header", "true")));
        assertEquals(2, csv("data.path", file("float-auto.csv", "0.0,1.0\n3,4\n")).size().getAsInt(),
                "0.0,1.0 is not how pandas writes indices: data");
    }

    @Test
    void columnsAreSelectedByNameOrIndexInTheOrderGivenAndTextColumnsAreIgnored() throws Exception {
        String path = file("d.csv", "id,a,b,c,class\nr1,1,2,3,0\nr2,4,5,6,1\n");
        assertArrayEquals(new float[] {3, 1, 6, 4}, all(csv("data.path", path, "data.columns", "c, a", "data.label_column", "class")));
        assertArrayEquals(new float[] {2, 3, 5, 6}, all(csv("data.path", path, "data.columns", "2,3")));
        Law byIndex = csv("data.path", path, "data.columns", "1,2,3", "data.label_column", "4");
        assertArrayEquals(new int[] {0, 1}, byIndex.rows(new int[] {0, 1}).labels());
        assertEquals("a,b,c", byIndex.provenance().get("law.column_names"));
        String plain = file("e.csv", "9\t1\t2\n8\t3\t4\n");
        Law tabs = csv("data.path", plain, "data.delimiter", "tab", "data.label_column", "0");
        assertArrayEquals(new float[] {1, 2, 3, 4}, all(tabs), "without a label column selection, every other column");
        assertArrayEquals(new int[] {9, 8}, tabs.rows(new int[] {0, 1}).labels());
    }

    @Test
    void fifteenColumnsWork() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            int row = i;
            text.append(String.join(",", IntStream.range(0, 15).mapToObj(k -> String.valueOf(row * 100 + k)).toList())).append('\n');
        }
        Law law = csv("data.path", file("wide.csv", text.toString()), "data.header", "false");
        assertEquals(15, law.dimension());
        assertEquals(6, law.size().getAsInt(), "the first row, 0,1,...,14, is data as declared");
        assertEquals(514f, law.rows(new int[] {5}).points().getFloat(0, 14));
    }

    @Test
    void standardisedColumnsHaveMeanZeroAndStdOneAndAreRecorded() throws Exception {
        StringBuilder text = new StringBuilder("u,v,w\n");
        java.util.Random rnd = new java.util.Random(4);
        for (int i = 0; i < 100; i++) {
            text.append(10 + 3 * rnd.nextGaussian()).append(',').append(-2 + 0.1 * rnd.nextGaussian()).append(",5\n");
        }
        Law law = csv("data.path", file("s.csv", text.toString()), "data.standardize", "true");
        INDArray z = law.rows(IntStream.range(0, 100).toArray()).points().castTo(DataType.DOUBLE);
        for (int k = 0; k < 2; k++) {
            assertEquals(0, z.getColumn(k).meanNumber().doubleValue(), 1e-5, "mean of column " + k);
            assertEquals(1, z.getColumn(k).stdNumber(false).doubleValue(), 1e-4, "std of column " + k);
        }
        assertEquals(0, z.getColumn(2).norm1Number().doubleValue(), 0, "a constant column is centred only");
        Map<String, String> p = law.provenance();
        assertEquals("true", p.get("law.standardize"));
        double[] means = Arrays.stream(p.get("law.means").split(",")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(3, means.length);
        assertEquals(10, means[0], 1);
        assertEquals(5, means[2], 1e-6);
        assertTrue(p.get("law.stds").endsWith(",0.0"), p.get("law.stds"));
    }

    @Test
    void badFilesAreRefusedNamingTheKeyTheFileTheLineAndTheColumn() throws Exception {
        String missing = dir.resolve("none.csv").toString();
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", missing), missing, "not found");
        String empty = file("empty.csv", "");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", empty), empty, "empty");
        String header = file("header.csv", "a,b\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", header), header, "no data rows");
        String ragged = file("ragged.csv", "a,b\n1,2\n3,4\n5\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", ragged), ragged, "line 4", "1 fields, expected 2");
        String crlf = file("crlf.csv", "a,b\r\n1,2\r\n\r\n3\r\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", crlf), "line 4", "1 fields, expected 2 (as on line 1)");
        String word = file("word.csv", "a,b\n1,2\n\n3,x\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", word), word, "line 4, column 'b' (index 1)", "not a number: 'x'");
        String nan = file("nan.csv", "1,2\n3,NaN\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", nan), nan, "line 2, column 1", "not finite");
        String inf = file("inf.csv", "a,b\n-Infinity,2\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", inf), "line 2, column 'a'", "not finite");
        String huge = file("huge.csv", "1e39,2\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", huge), "line 1, column 0", "outside the float range");
        String label = file("label.csv", "x,y\n1,0\n2,1.5\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.path", with("data.path", label, "data.label_column", "y"), label, "line 3, column 'y'",
                "label '1.5' is not an integer");
    }

    @Test
    void unknownColumnsAreRefusedNamingTheirKeyAndListingTheHeader() throws Exception {
        String path = file("h.csv", "x,y,label\n1,2,3\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.columns", with("data.path", path, "data.columns", "x,z"), path, "no column 'z'",
                "[x, y, label]");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.columns", with("data.path", path, "data.columns", "3"), "no column '3'");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.label_column", with("data.path", path, "data.label_column", "class"),
                "no column 'class'", "[x, y, label]");
        String plain = file("p.csv", "1,2\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.columns", with("data.path", plain, "data.columns", "x"), "no header", "0..1");
        String single = file("single.csv", "y\n1\n");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.columns", with("data.path", single, "data.label_column", "y"), "no column besides");
        refused(CsvLaw::new, ProblemsModule.CSV, "data.delimiter", with("data.path", path, "data.delimiter", ";;"), "one character");
    }
}
