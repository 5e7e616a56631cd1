package org.wasserflow.api.testkit;

import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Capability;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Settings;

/**
 * The contract of a {@link Metric} plugin, for its tests to extend (they need an ND4J backend on the test class
 * path): a descriptor that describes it; bad settings refused naming the key; on an evaluation that meets its
 * needs, non-empty, finite columns named after the metric ({@link #columnPrefixes}) in a stable order; the same
 * evaluation twice gives the same columns (a metric that draws must draw from the evaluation's rng); the
 * columns depend only on the evaluation given, not on what the instance evaluated before (a cached floor is not
 * stale when the sets change); and the inputs are left unchanged.
 */
public abstract class MetricContract {

    /** The descriptor the metric is registered with; its setting groups make the view {@link #create} gets. */
    protected abstract Plugin plugin();

    /** A new metric reading {@code settings} (absent keys at their defaults), as the runner would construct it. */
    protected abstract Metric create(Settings settings);

    /**
     * An evaluation that meets the metric's needs, with a reference set of the source's size; it must not be
     * degenerate for the metric (e.g. it has high-quality points in every mode for a per-mode metric), so that
     * every column is finite.
     */
    protected abstract Evaluation evaluation();

    /** Settings that must each be refused, key to bad value; default none. */
    protected Map<String, String> invalidSettings() {
        return Map.of();
    }

    /**
     * The prefixes that the metric's columns start with, as its javadoc documents; by default its name with
     * {@code -} read as {@code _} ({@code w2}: {@code w2}, {@code w2_floor}).
     */
    protected Set<String> columnPrefixes() {
        return Set.of(plugin().name().replace('-', '_'));
    }

    /** A metric made from {@code values} through the descriptor's view, which refuses undeclared settings. */
    protected final Metric create(Map<String, String> values) {
        return create(Contracts.settings(plugin(), values));
    }

    /** {@code e} with the same sets and a fresh rng of a fixed seed, so that two calls draw alike. */
    private static Evaluation fresh(Evaluation e) {
        return new Evaluation(e.source(), e.generated(), e.data(), e.reference(), e.mixture(), new SplittableRandom(5));
    }

    @Test
    void descriptorDescribesTheMetric() {
        Metric m = create(Map.of());
        Contracts.checkDescriptor(plugin(), PluginKind.METRIC, m);
        invalidSettings().keySet().forEach(key -> assertTrue(Contracts.declares(plugin(), key), key + " is declared by " + plugin()));
    }

    @Test
    void badSettingsAreRejectedNamingTheKey() {
        invalidSettings().forEach((key, value) -> {
            ConfigException e = assertThrows(ConfigException.class, () -> create(Map.of(key, value)).evaluate(fresh(evaluation())),
                    key + "=" + value + " must be refused");
            assertTrue(e.getMessage().contains(key), "the error names " + key + ": " + e.getMessage());
        });
    }

    @Test
    void theFixtureMeetsTheRequirements() {
        Evaluation e = evaluation();
        Set<Capability> needs = plugin().requires();
        assertEquals(e.source().size(), e.generated().rows(), "one generated point per source point");
        assertEquals(e.source().size(), e.reference().size(), "a reference set of the source's size");
        assertTrue(!needs.contains(Capability.MIXTURE) || e.mixture().isPresent(), "a mixture");
        assertTrue(!needs.contains(Capability.MODES) || e.mixture().isPresent() || e.data().labels() != null, "a mixture or labelled data");
        assertTrue(!needs.contains(Capability.SOURCE_LABELS) || e.source().labels() != null, "source labels");
        assertTrue(!needs.contains(Capability.DATA_LABELS) || e.data().labels() != null, "data labels");
        assertTrue(!needs.contains(Capability.EQUAL_EVAL_SIZES) || e.source().size() == e.data().size(), "equal sizes");
    }

    @Test
    void columnsAreNonEmptyFiniteAndNamedAfterTheMetric() {
        Map<String, Double> columns = create(Map.of()).evaluate(fresh(evaluation()));
        assertFalse(columns.isEmpty(), "at least one column");
        columns.forEach((name, value) -> {
            assertTrue(name.matches("[a-z0-9]+(_[a-z0-9]+)*"), "column name of lower-case words joined by '_': " + name);
            assertTrue(columnPrefixes().stream().anyMatch(name::startsWith), name + " starts with one of " + columnPrefixes());
            assertTrue(value != null && Double.isFinite(value), name + " is finite: " + value);
        });
    }

    @Test
    void theSameEvaluationTwiceGivesTheSameColumnsInTheSameOrder() {
        Metric m = create(Map.of());
        Evaluation e = evaluation();
        Map<String, Double> first = m.evaluate(fresh(e));
        Map<String, Double> second = m.evaluate(fresh(e));
        assertEquals(first, second);
        assertEquals(List.copyOf(first.keySet()), List.copyOf(second.keySet()), "a stable order");
    }

    @Test
    void columnsDependOnlyOnTheEvaluationGiven() {
        Evaluation e = evaluation();
        Evaluation swapped = new Evaluation(e.source(), e.reference().points(), e.data(),
                new Sample(e.generated(), e.reference().labels()), e.mixture(), new SplittableRandom(5));
        Metric used = create(Map.of());
        used.evaluate(fresh(e));
        assertEquals(create(Map.of()).evaluate(fresh(swapped)), used.evaluate(fresh(swapped)),
                "an instance that evaluated other sets before reports what a new one does (no stale cache)");
    }

    @Test
    void inputsAreLeftUnchanged() {
        Evaluation e = evaluation();
        INDArray source = e.source().points().dup();
        INDArray generated = e.generated().dup();
        INDArray data = e.data().points().dup();
        INDArray reference = e.reference().points().dup();
        double[][] centres = e.mixture().map(mixture -> mixture.centres()).orElse(null);
        create(Map.of()).evaluate(fresh(e));
        assertEquals(source, e.source().points(), "source unchanged");
        assertEquals(generated, e.generated(), "generated points unchanged");
        assertEquals(data, e.data().points(), "data unchanged");
        assertEquals(reference, e.reference().points(), "reference unchanged");
        if (centres != null) {
            assertArrayEquals(centres, e.mixture().get().centres(), "centres unchanged");
        }
    }
}
