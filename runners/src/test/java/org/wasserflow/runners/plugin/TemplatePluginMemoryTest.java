package org.wasserflow.runners.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.flow.Memory;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.TrainCommand;
import org.wasserflow.runners.report.MetricsTable;

/**
 * The loss template {@code examples/loss-plugin} compiled from its sources, packed into a jar and dropped into a
 * plugins directory: its estimator's memory parts, declared on its descriptor, enter the run's estimate as a
 * built-in plugin's do, and it trains.
 */
class TemplatePluginMemoryTest {

    private static final Path TEMPLATE = Path.of("..", "examples", "loss-plugin", "src", "main");

    @TempDir
    static Path build;

    private static SlicedPluginJar plugin;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileTemplate() throws IOException {
        plugin = SlicedPluginJar.compile(TEMPLATE, build);
    }

    private List<String> args(Path plugins, String... overrides) {
        List<String> args = new ArrayList<>(List.of("plugins.dir=" + plugins, "loss=moment-w2", "potential=gaussian-map", "run.out=" + tmp,
                "run.name=template"));
        args.addAll(List.of(overrides));
        return args;
    }

    @Test
    void aDroppedInEstimatorsMemoryPartsEnterTheEstimate() throws IOException {
        Path plugins = tmp.resolve("plugins");
        plugin.jar(plugins.resolve("gaussian-map.jar"));
        RunPlan plan = RunPlan.of(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args(plugins, "flow.batch=100")),
                getClass().getClassLoader(), List.of());
        Memory.Estimate e = Memory.estimate(plan, 3, 30, 30);
        MemoryPart part = e.part("the gaussian-map batches and statistics");
        // four [100, 3] double arrays and four [1, 3] statistics, off-heap
        assertEquals(8 * (4 * 100 * 3 + 4 * 3), part.offHeap());
        assertEquals(0, part.heap());
        assertEquals("flow.batch", part.key());
        assertTrue(e.offHeap() >= part.offHeap() + 16L * 100 * 3 * 4, "summed with the runner's own parts: " + e.parts());
    }

    @Test
    void theTemplateTrainsTheRing() throws IOException {
        Path plugins = tmp.resolve("plugins");
        plugin.jar(plugins.resolve("gaussian-map.jar"));
        new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args(plugins, "run.iterations=50",
                "run.log_every=25", "flow.batch=256", "eval.source_size=500", "eval.data_size=500", "metrics=w2,energy")),
                getClass().getClassLoader(), "test").execute();
        double[] w2 = MetricsTable.read(tmp.resolve("template/metrics.csv")).column("w2");
        assertTrue(w2[w2.length - 1] < 0.8 * w2[0], "W2 to the ring falls as the moments are matched (to about the Gaussian fit's): "
                + java.util.Arrays.toString(w2));
    }
}
