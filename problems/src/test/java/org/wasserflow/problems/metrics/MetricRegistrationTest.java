package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Capability;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.problems.ProblemsModule;

/**
 * The module registers every built-in metric, and Guice constructs each from its descriptor as a run would (the image
 * metrics with the run's shape, up to the classifier's missing training file).
 */
class MetricRegistrationTest {

    @Test
    void everyMetricIsRegisteredAndConstructibleByGuice() {
        Injector plugins = Guice.createInjector(new ProblemsModule());
        Set<Plugin> all = plugins.getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));
        List<Plugin> metrics = all.stream().filter(p -> p.kind() == PluginKind.METRIC).toList();
        assertEquals(Set.of("w2", "w1", "energy", "sliced-w2", "mmd", "c2st", "modes", "mode-stats", "nn-accuracy", "nn-ot-baseline",
                "frechet-digits", "digit-coverage"),
                metrics.stream().map(Plugin::name).collect(Collectors.toSet()));
        for (Plugin p : metrics) {
            if (p.requires().contains(Capability.IMAGES)) {
                Settings settings = Settings.of(Map.of("digits.train_images", "no-such-file.gz"), p.settings());
                Injector run = Guice.createInjector(b -> {
                    b.bind(Settings.class).toInstance(settings);
                    b.bind(RunShape.class).toInstance(new RunShape(784, 64, 64, 100, 100));
                });
                ProvisionException e = assertThrows(ProvisionException.class, () -> run.getInstance(p.implementation()));
                assertTrue(e.getCause() instanceof ConfigException c && c.key().equals("digits.train_images"),
                        p + " obtains its classifier, from the configured files, when constructed: " + e.getCause());
                continue;
            }
            Settings settings = Settings.of(Map.of(), p.settings());
            Injector run = Guice.createInjector(b -> b.bind(Settings.class).toInstance(settings));
            assertTrue(run.getInstance(p.implementation()) instanceof Metric, p + " constructs a metric");
        }
        assertEquals(List.of("sliced_w2", "c2st", "modes", "digits", "digits"), metrics.stream().flatMap(p -> p.settings().stream()).map(SettingGroup::prefix).toList(),
                "metrics declare settings under their own prefix, not rebased");
    }
}
