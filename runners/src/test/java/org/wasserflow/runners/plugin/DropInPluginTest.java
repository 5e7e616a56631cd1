package org.wasserflow.runners.plugin;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Spi;
import org.wasserflow.runners.TrainCommand;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.report.MetricsTable;

/**
 * The example plugin {@code plugins/sliced-w2}, which is not on the runner's class path, compiled and packed
 * into a jar here, dropped into a plugins directory and run on the ring; and the plugin directory's errors.
 */
class DropInPluginTest {

    @TempDir
    static Path build;

    private static SlicedPluginJar plugin;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compilePlugin() throws IOException {
        plugin = SlicedPluginJar.compile(build);
    }

    private static Path jar(Path file, String version, String extraService) throws IOException {
        return plugin.jar(file, version, extraService);
    }

    private TrainCommand command(Path plugins, String... overrides) {
        List<String> args = new ArrayList<>(List.of("plugins.dir=" + plugins, "run.out=" + tmp, "run.name=sliced"));
        args.addAll(List.of(overrides));
        return new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args),
                getClass().getClassLoader(), "test");
    }

    @Test
    void droppedInJarTrainsTheRingWithTheSlicedLoss() throws IOException {
        Path plugins = tmp.resolve("plugins");
        jar(plugins.resolve("sliced-w2.jar"), String.valueOf(Spi.VERSION), null);
        assertThrows(ConfigException.class, () -> command(tmp.resolve("empty-dir-missing"), "loss=sliced-w2").execute());
        command(plugins, "loss=sliced-w2", "potential=sliced", "run.iterations=40", "run.log_every=20", "flow.batch=256",
                "eval.source_size=500", "eval.data_size=500").execute();
        double[] w2 = MetricsTable.read(tmp.resolve("sliced/metrics.csv")).column("w2");
        assertTrue(w2[w2.length - 1] < 0.5 * w2[0], "W2 decreases: " + java.util.Arrays.toString(w2));
        assertTrue(Files.readString(tmp.resolve("sliced/provenance.properties")).contains("sliced-w2.jar"), "provenance names the plugin");
    }

    @Test
    void withoutThePluginTheLossIsUnknown() {
        ConfigException e = assertThrows(ConfigException.class, () -> command(Files.createDirectories(tmp.resolve("none")),
                "loss=sliced-w2").execute());
        assertTrue(e.getMessage().contains("'sliced-w2' for key 'loss'") && e.getMessage().contains("[w1, w2]"), e.getMessage());
    }

    @Test
    void badPluginsAreRefusedNamingTheJar() throws IOException {
        Path twice = tmp.resolve("twice");
        jar(twice.resolve("a.jar"), String.valueOf(Spi.VERSION), null);
        Path b = jar(twice.resolve("b.jar"), String.valueOf(Spi.VERSION), null);
        assertRefused(twice, b.toString(), "registers loss sliced-w2, which " + twice.resolve("a.jar") + " already registers");

        Path old = jar(tmp.resolve("old/sliced.jar"), "0", null);
        assertRefused(old.getParent(), old.toString(), "built against wasserflow SPI version 0, but this wasserflow provides version " + Spi.VERSION);

        Path previous = jar(tmp.resolve("previous/sliced.jar"), String.valueOf(Spi.VERSION - 1), null);
        assertRefused(previous.getParent(), previous.toString(), "built against wasserflow SPI version " + (Spi.VERSION - 1)
                + ", but this wasserflow provides version " + Spi.VERSION);

        Path none = jar(tmp.resolve("none/sliced.jar"), null, null);
        assertRefused(none.getParent(), none.toString(), "declares no " + Spi.MANIFEST_ATTRIBUTE);

        Path broken = jar(tmp.resolve("broken/sliced.jar"), String.valueOf(Spi.VERSION), "org.example.MissingModule");
        assertRefused(broken.getParent(), broken.toString(), "failed to load its Guice modules");
    }

    private void assertRefused(Path plugins, String jar, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> command(plugins, "loss=sliced-w2", "potential=sliced").execute());
        assertTrue(e.getMessage().contains(jar) && e.getMessage().contains(message), e.getMessage());
    }
}
