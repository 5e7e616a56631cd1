package org.wasserflow.flow.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.w2.W2Loss;

/**
 * Every built-in plugin is constructed from its own declarations alone: its view refuses any setting it did not
 * declare, so a plugin that reads another component's key fails here. Every plugin is offered the run's shape, as
 * metrics are in a run.
 */
class BuiltInPluginsTest {

    private static final String DIGITS = "../runners/src/test/resources/digits/";

    /** The file laws' files: the example data sets and the digit fixtures. */
    private static final Map<String, Map<String, String>> FILES = Map.of(
            "npy", Map.of("law.path", "../examples/data/blobs12.npy"),
            "csv", Map.of("law.path", "../examples/data/circle.csv"),
            "esl-digits", Map.of("law.path", DIGITS + "usps/zip.train.gz"),
            "idx", Map.of("law.images", DIGITS + "mnist/t10k-images-idx3-ubyte.gz", "law.labels", DIGITS + "mnist/t10k-labels-idx1-ubyte.gz"));

    /** The run shape offered to every plugin: MNIST images, 28x28. */
    private static final RunShape MNIST_SHAPE = new RunShape(784, 64, 64, 300, 300);

    @TempDir
    Path cache;

    /** The image metrics' settings: the digit fixtures, a classifier trained on them once into a temporary cache. */
    private Map<String, String> digits() {
        return Map.of("digits.train_images", DIGITS + "mnist/train-images-idx3-ubyte.gz", "digits.train_labels",
                DIGITS + "mnist/train-labels-idx1-ubyte.gz", "digits.test_images", DIGITS + "mnist/t10k-images-idx3-ubyte.gz",
                "digits.test_labels", DIGITS + "mnist/t10k-labels-idx1-ubyte.gz", "digits.cache", cache.toString());
    }

    @Test
    void everyBuiltInPluginConstructsFromItsOwnSettingsViewAlone() {
        List<PluginSource> sources = PluginDirectory.sources(getClass().getClassLoader(), null);
        PluginCatalogue catalogue = PluginCatalogue.scan(sources);
        PluginRegistry registry = PluginRegistry.wire(sources, new Seed(1));
        Plugin gaussian = catalogue.select(PluginKind.LAW, "gaussian", null, "data").plugin();
        Law data = registry.create(PluginKind.LAW, gaussian, Settings.of(Map.of(), gaussian.settings()), null);
        int constructed = 0;
        for (PluginCatalogue.Entry e : catalogue.entries()) {
            Plugin p = e.plugin();
            Map<String, String> values = p.requires().contains(Capability.IMAGES) ? digits() : FILES.getOrDefault(p.name(), Map.of());
            Object instance = registry.create(p.kind(), p, Settings.of(values, p.settings()), new W2Loss(), data, MNIST_SHAPE);
            assertEquals(p.implementation(), instance.getClass(), p.label());
            constructed++;
        }
        assertEquals(catalogue.entries().size(), constructed);
        assertTrue(constructed >= 20, "losses, potentials, generators, integrators and experiments: " + constructed);
    }
}
