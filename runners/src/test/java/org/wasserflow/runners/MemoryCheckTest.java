package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.Memory;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * Sizes that cannot fit stop a run before training with one line naming the key, the estimate and the budget
 * ({@link Memory}), and leave the output directory empty; the README's presets pass the check.
 */
class MemoryCheckTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "flow.batch=100000000                                    | invalid value '100000000' for key 'flow.batch': expected a batch whose buffers fit in memory: about ",
        "potential=exact-ot flow.batch=200000                    | invalid value '200000' for key 'flow.batch': expected a batch whose buffers fit in memory: about 321 GB estimated on the JVM heap, 320 GB of it for the exact-OT cost matrix and assignment; ",
        "metrics=w2 eval.source_size=200000 eval.data_size=200000 | invalid value '200000' for key 'eval.source_size': expected evaluation sets whose metrics fit in memory: about 320 GB estimated on the JVM heap, 320 GB of it for the w2 metric's cost matrix; ",
    })
    void sizesThatCannotFitStopBeforeTraining(String arguments, String expected) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "../configs/ring-w2.properties", "run.out=" + tmp));
        args.addAll(List.of(arguments.split(" ")));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        System.out.println(arguments + " -> " + r.err().strip());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(r.err().contains(" available ") && r.err().contains("(JVM heap ") && r.err().contains(" + off-heap "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(Cli.isEmpty(tmp), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ring-w2", "ring-w1", "grid25-w2", "swissroll-w2"})
    void theTwoDimensionalPresetsPassTheCheck(String preset) {
        assertDoesNotThrow(() -> Components.build(new ConfigLoader().load(Path.of("..", "configs", preset + ".properties"), List.of()),
                getClass().getClassLoader(), List.of()));
    }

    /** The digit presets at their full evaluation sets (USPS train 7291 rows, MNIST test 10000), in 16 x 16 = 256 dimensions. */
    @ParameterizedTest
    @ValueSource(strings = {"usps-mnist-w2", "usps-mnist-w1"})
    void theDigitPresetsPassTheCheck(String preset) {
        RunPlan plan = RunPlan.of(new ConfigLoader().load(Path.of("..", "configs", preset + ".properties"), List.of()),
                getClass().getClassLoader(), List.of());
        Memory.Estimate e = Memory.estimate(plan, 256, 7291, 10000);
        assertDoesNotThrow(() -> Memory.check(plan, e, Memory.Budget.ofThisJvm()));
        assertDoesNotThrow(() -> Memory.check(plan, e, new Memory.Budget(2L << 30, 2L << 30)), "fits 2 GB of heap and 2 GB off it");
    }

    @Test
    void theBudgetIsTheHeapAndWhatTheProcessMayHoldBeyondIt() {
        Memory.Budget b = Memory.Budget.ofThisJvm();
        assertEquals(Runtime.getRuntime().maxMemory(), b.heap());
        assertTrue(b.offHeap() > 0, b.toString());
    }
}
