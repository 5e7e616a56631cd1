package org.wasserflow.api.testkit;

import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Law;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Sample;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The contract of a {@link Law} plugin, for its tests to extend (they need an ND4J backend on the test class
 * path): a descriptor that describes it, with every setting declared under {@link Law#PREFIX}; samples and
 * stratified samples of shape {@code [m, dimension()]}, float, finite, labelled iff {@link Law#labelled()};
 * the same stream seed giving the same samples; and, for a finite law, a positive {@link Law#size()},
 * {@link Law#rows} returning the held rows in the order asked (with their labels), samples drawn from those
 * rows, and a {@code law.rows} provenance entry, if any, equal to the size. A law without a size refuses
 * {@link Law#rows}. The law is built as the runner builds it for the role {@code data}: its {@code law.*}
 * keys are configured as {@code data.*}.
 */
public abstract class LawContract {

    /** The role the contract builds laws for. */
    protected static final String ROLE = "data";

    /** The descriptor the law is registered with. */
    protected abstract Plugin plugin();

    /** A new law reading {@code settings}, as the runner would construct it. */
    protected abstract Law create(Settings settings);

    /** The law's configuration in its declared {@code law.*} keys (e.g. a fixture file's path); default none. */
    protected Map<String, String> configuration() {
        return Map.of();
    }

    /** The law under test, configured by {@link #configuration()} under the role {@value #ROLE}. */
    protected final Law law() {
        Map<String, String> values = new LinkedHashMap<>();
        configuration().forEach((k, v) -> values.put(k.startsWith(Law.PREFIX + ".") ? ROLE + k.substring(Law.PREFIX.length()) : k, v));
        return create(Settings.rebased(values, plugin().settings(), Law.PREFIX, ROLE));
    }

    @Test
    void descriptorDescribesTheLawAndDeclaresItsKeysUnderLaw() {
        Law law = law();
        Contracts.checkDescriptor(plugin(), PluginKind.LAW, law);
        for (SettingGroup g : plugin().settings()) {
            assertEquals(Law.PREFIX, g.prefix(), "a law declares its keys under '" + Law.PREFIX + "' for the runner to rebase");
        }
        assertTrue(law.dimension() >= 1, "dimension >= 1");
    }

    @Test
    void samplesHaveTheShapeTypeAndLabelsTheLawAnnounces() {
        Law law = law();
        for (int m : new int[] {1, 37}) {
            check(law, law.sample(m, new SplittableRandom(3)), m, "sample");
            check(law, law.stratified(m, new SplittableRandom(4)), m, "stratified");
        }
    }

    @Test
    void theSameStreamGivesTheSameSamples() {
        Law law = law();
        Sample a = law.sample(29, new SplittableRandom(11));
        Sample b = law.sample(29, new SplittableRandom(11));
        assertEquals(a.points(), b.points(), "same seed, same points");
        assertArrayEquals(a.labels(), b.labels(), "same seed, same labels");
        Sample c = law().stratified(29, new SplittableRandom(12));
        Sample d = law().stratified(29, new SplittableRandom(12));
        assertEquals(c.points(), d.points(), "same seed, same stratified points, even from another instance");
    }

    @Test
    void aFiniteLawReturnsItsRowsByIndexAndSamplesAmongThem() {
        Law law = law();
        if (law.size().isEmpty()) {
            assertThrows(UnsupportedOperationException.class, () -> law.rows(new int[] {0}), "an endless law has no rows");
            return;
        }
        int n = law.size().getAsInt();
        assertTrue(n > 0, "a finite law holds rows");
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Sample rows = law.rows(all);
        check(law, rows, n, "rows");
        int[] picked = {n - 1, 0, n / 2, 0};
        Sample some = law.rows(picked);
        check(law, some, picked.length, "rows");
        for (int i = 0; i < picked.length; i++) {
            assertEquals(rows.points().getRow(picked[i]), some.points().getRow(i), "row " + picked[i] + " at position " + i);
            if (law.labelled()) {
                assertEquals(rows.labels()[picked[i]], some.labels()[i], "label of row " + picked[i]);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> law.rows(new int[] {n}), "index n is outside the law");
        Set<List<Float>> held = new HashSet<>();
        for (int i = 0; i < n; i++) {
            held.add(row(rows.points(), i));
        }
        Sample drawn = law.sample(50, new SplittableRandom(5));
        for (int i = 0; i < drawn.size(); i++) {
            assertTrue(held.contains(row(drawn.points(), i)), "sampled point " + i + " is one of the law's rows");
        }
        String recorded = law.provenance().get(Law.PREFIX + ".rows");
        if (recorded != null) {
            assertEquals(String.valueOf(n), recorded, "provenance records the row count");
        }
    }

    private static void check(Law law, Sample s, int m, String what) {
        assertArrayEquals(new long[] {m, law.dimension()}, s.points().shape(), what + " shape [m, d]");
        assertEquals(DataType.FLOAT, s.points().dataType(), what + " is float");
        for (float v : s.points().dup('c').data().asFloat()) {
            assertTrue(Float.isFinite(v), what + " is finite");
        }
        if (law.labelled()) {
            assertEquals(m, s.labels().length, what + " has a label per row");
        } else {
            assertNull(s.labels(), what + " of an unlabelled law has no labels");
        }
    }

    private static List<Float> row(INDArray points, int i) {
        float[] r = points.getRow(i).dup('c').data().asFloat();
        Float[] boxed = new Float[r.length];
        for (int k = 0; k < r.length; k++) {
            boxed[k] = r[k];
        }
        return List.of(boxed);
    }
}
