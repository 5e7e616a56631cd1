package org.wasserflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A descriptor's memory hook and blamed keys: what it reports, through the plugin's own view, and what it refuses. */
class PluginMemoryTest {

    private static final Plugin DEMO = Plugin.loss("demo-loss", SettingTest.DemoLoss.class, "a demo").settings(SettingTest.DEMO);

    @Test
    void theHookGetsThePluginsOwnViewAndTheRunsShape() {
        Plugin p = DEMO.memory((settings, shape) -> List.of(new MemoryPart("the demo buffers", SettingTest.STEPS.key(),
                settings.get(SettingTest.STEPS) * (long) shape.batch() * shape.dimension(), 0, 0)));
        RunShape shape = new RunShape(3, 100, 512, 30, 40);
        Settings view = Settings.of(Map.of("demo.steps", "7", "other.key", "1"), p.settings());
        assertEquals(List.of(new MemoryPart("the demo buffers", "demo.steps", 7 * 100 * 3, 0, 0)), p.memoryParts(view, shape));
        assertTrue(DEMO.memory().isEmpty() && DEMO.memoryParts(view, shape).isEmpty(), "no hook, no parts");
        assertEquals(p.memory(), p.forLoss("w2").memory(), "refinements keep the hook");
    }

    @Test
    void theShapeNamesTheLargerEvaluationSetAndTheBatchGrowth() {
        RunShape shape = new RunShape(2, 1024, 512, 30, 40);
        assertEquals(40, shape.largerEval());
        assertEquals(RunShape.EVAL_DATA, shape.largerEvalKey());
        assertEquals(RunShape.EVAL_SOURCE, new RunShape(2, 1, 1, 40, 40).largerEvalKey(), "the source on a tie");
        assertEquals(2.0, shape.batchGrowth());
        assertThrows(IllegalArgumentException.class, () -> new RunShape(0, 1, 1, 1, 1));
    }

    @Test
    void blamedKeysMustBeDeclared() {
        assertEquals(List.of("demo.rate", "demo.steps"), DEMO.blame(SettingTest.RATE, SettingTest.STEPS).blames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DEMO.blame(Setting.number("critic.lr", 1e-3).describe("a key the demo does not declare")));
        assertTrue(e.getMessage().contains("blames critic.lr, which none of its setting groups declares"), e.getMessage());
        assertTrue(DEMO.blames().isEmpty());
    }

    @Test
    void aPartHasANameAKeyAndNoNegativeSize() {
        assertThrows(IllegalArgumentException.class, () -> new MemoryPart("x", "flow.batch", -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MemoryPart(" ", "flow.batch", 1, 0, 0));
        assertEquals(5, new MemoryPart("x", "flow.batch", 2, 3, 0).total());
    }
}
