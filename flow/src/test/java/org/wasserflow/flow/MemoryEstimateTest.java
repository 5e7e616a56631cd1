package org.wasserflow.flow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * {@link Memory}'s numbers against hand-computed ones for a small configuration, so that a formula error fails, and
 * which key the check blames on which side of the budget.
 */
class MemoryEstimateTest {

    private static final Path RING = Path.of("..", "configs", "ring-w2.properties");

    private static RunPlan plan(String... overrides) {
        List<String> args = new ArrayList<>(List.of("flow.batch=10", "critic.hidden=4,8", "generator.hidden=16", "generator.batch_norm=true",
                "w2.interpolants=true", "w2.equality=false", "metrics=w2", "eval.source_size=30", "eval.data_size=30"));
        args.addAll(List.of(overrides));
        return RunPlan.of(new ConfigLoader().load(RING, args), MemoryEstimateTest.class.getClassLoader(), List.of());
    }

    @Test
    void aSmallW2RunByHand() {
        Memory.Estimate e = Memory.estimate(plan(), 2, 30, 30);
        // 16 [10, 2] float batches
        assertPart(e, "the training batches", 0, 16 * 10 * 2 * 4);
        // generator 2 -> [16] -> 2 with batch norm: per tape 7 [10, 16] + output [10, 2] + input gradient [10, 2] + ones [10, 1]
        // floats off-heap, three float[10 * 16] on the heap; two tapes (generate, step)
        assertPart(e, "the generator network's activations and gradients", 2 * 3 * 4 * 10 * 16, 2 * 4 * 10 * (7 * 16 + 2 + 2 + 1));
        // weights 2x16 + gamma, beta 16 each, output 16x2 + 2 = 98 parameters, 4 floats each (value, gradient, Adam's moments)
        assertPart(e, "the generator's parameters", 0, 98 * 16);
        // the generate tape again at the evaluation size, 30 rows
        assertPart(e, "the generator's evaluation batch", 3 * 4 * 30 * 16, 4 * 30 * (7 * 16 + 2 + 2 + 1));
        // phi and psi, 2 -> [4, 8] -> 1, no batch norm: own and interpolant tapes each (no equality), plus phi's velocity tape
        assertPart(e, "the potential networks' activations and gradients", 5 * 3 * 4 * 10 * 8, 5 * 4 * 10 * (6 * (4 + 8) + 1 + 2 + 1));
        // 2x4 + 4 + 4x8 + 8 + 8x1 + 1 = 61 parameters per network, two networks
        assertPart(e, "the potential networks' parameters", 0, 2 * 61 * 16);
        // source, data and reference sets and the generated points, floats
        assertPart(e, "the evaluation sets", 0, (30 + 30 + 30 + 30) * 2 * 4);
        // the 30 x 30 double cost matrix, the assignment's six vectors, both clouds as doubles
        assertPart(e, "the w2 metric's cost matrix", 30 * 30 * 8 + 32 * 30 + 2 * 8 * 30 * 2, 0);
        assertEquals(8, e.parts().size());
        long heap = 3840 + 5760 + 4800 + 9120;
        long offHeap = 1280 + 9360 + 1568 + 14040 + 15200 + 1952 + 960;
        assertEquals(heap, e.heap());
        assertEquals(offHeap, e.offHeap());
    }

    @Test
    void exactOtAndSinkhornCostMatricesByHand() {
        // [10, 2] batches as double[] rows (16-byte header + 2 doubles + a reference each) and a flat copy, twice, plus the velocity
        long rows = 2 * (10 * (16 + 16 + 4) + 10 * 2 * 8) + 10 * 2 * 8;
        assertPart(Memory.estimate(plan("potential=exact-ot"), 2, 30, 30), "the exact-OT cost matrix and assignment",
                10 * 10 * 8 + 32 * 10 + rows, 0);
        assertPart(Memory.estimate(plan("potential=sinkhorn"), 2, 30, 30), "Sinkhorn's cost matrix and kernel",
                3 * 10 * 10 * 4 + 24 * 10 + rows, 0);
    }

    @Test
    void theMetricsRunOneAfterTheOtherSoTheLargestCounts() {
        // 30 points: the energy's 512-row blocks of 30 doubles outweigh the 30 x 30 cost matrix
        Memory.Estimate small = Memory.estimate(plan("metrics=w2,energy"), 2, 30, 30);
        assertPart(small, "the energy metric's distance blocks", 0, 2 * 8 * 512 * 30 + 8 * 60 * 2);
        assertEquals(8, small.parts().size(), "one metric part");
        // 3000 points: the cost matrix outweighs the blocks
        Memory.Estimate large = Memory.estimate(plan("metrics=w2,energy"), 2, 3000, 3000);
        assertPart(large, "the w2 metric's cost matrix", 3000L * 3000 * 8 + 32 * 3000 + 2 * 8 * 3000 * 2, 0);
        assertEquals(8, large.parts().size(), "one metric part");
    }

    @Test
    void theKeyBlamedIsTheOneDrivingTheLargestPartOnTheSideThatDoesNotFit() {
        Memory.Estimate e = Memory.estimate(plan("flow.batch=512", "critic.hidden=128,128,128"), 2, 30, 30);
        assertDoesNotThrow(() -> Memory.check(plan(), e, new Memory.Budget(e.heap() * 2, e.offHeap() * 2)));
        ConfigException off = assertThrows(ConfigException.class,
                () -> Memory.check(plan("flow.batch=512"), e, new Memory.Budget(e.heap() * 2, e.offHeap())));
        assertEquals("flow.batch", off.key(), off.getMessage());
        assertTrue(off.getMessage().contains("estimated off-heap") && off.getMessage().contains("of it for the potential networks'"),
                off.getMessage());
        Memory.Estimate wide = Memory.estimate(plan("critic.hidden=4096,4096"), 2, 30, 30);
        ConfigException widths = assertThrows(ConfigException.class,
                () -> Memory.check(plan("critic.hidden=4096,4096"), wide, new Memory.Budget(wide.heap() * 2, wide.offHeap() / 2)));
        assertEquals("critic.hidden", widths.key(), widths.getMessage());
        Memory.Estimate metric = Memory.estimate(plan("eval.source_size=3000", "eval.data_size=3000"), 2, 3000, 3000);
        ConfigException eval = assertThrows(ConfigException.class, () -> Memory.check(plan("eval.source_size=3000", "eval.data_size=3000"),
                metric, new Memory.Budget(metric.heap(), metric.offHeap() * 2)));
        assertEquals("eval.source_size", eval.key(), eval.getMessage());
        assertTrue(eval.getMessage().startsWith("invalid value '3000' for key 'eval.source_size': expected evaluation sets whose "
                + "metrics fit in memory: about 73 MB estimated on the JVM heap, 72 MB of it for the w2 metric's cost matrix; "), eval.getMessage());
    }

    @Test
    void aCostMatrixBeyondAJavaArrayIsRefusedWhateverTheMemory() {
        RunPlan p = plan("potential=exact-ot", "flow.batch=50000");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Memory.check(p, Memory.estimate(p, 2, 30, 30), new Memory.Budget(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4)));
        assertEquals("flow.batch", e.key());
        assertTrue(e.getMessage().contains("would need one Java array of 2.5e+09 entries, and one holds at most 2^31 - 1"), e.getMessage());
    }

    @Test
    void bytesReadAsTwoSignificantDigits() {
        assertEquals("410 GB", Memory.bytes(410_000_000_000L));
        assertEquals("6.3 GB", Memory.bytes(6_320_816_128L));
        assertEquals("999 bytes", Memory.bytes(999));
        assertEquals("1.0 MB", Memory.bytes(999_999));
    }

    private static void assertPart(Memory.Estimate e, String what, long heap, long offHeap) {
        MemoryPart p = e.part(what);
        assertEquals(heap, p.heap(), what + " on the heap");
        assertEquals(offHeap, p.offHeap(), what + " off-heap");
    }
}
