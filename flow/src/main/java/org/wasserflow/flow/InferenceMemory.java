package org.wasserflow.flow;

import java.util.Locale;
import org.wasserflow.api.ConfigException;

/**
 * The memory of pushing {@code n} points through a trained generator at once ({@code sample}, {@code transport}),
 * estimated per point as {@link Memory} does for training: off-heap, the source and output arrays and their float
 * copy for writing; on the heap, the source drawn as doubles and the rows written. A generator's inference map
 * ({@link org.wasserflow.api.Generator#infer}) takes the points in blocks of bounded size, so its own buffers do not
 * grow with {@code n}. A single Java array holds at most {@link Memory#MAX_ARRAY} entries, which bounds {@code n}
 * times the row's width whatever the memory.
 */
public final class InferenceMemory {

    private InferenceMemory() {
    }

    /**
     * The most points of dimension {@code d} that a generator can take at once within {@code budget}, less
     * {@link Memory#MARGIN} of each side.
     */
    public static long maxRows(int d, Memory.Budget budget) {
        long heap = 8L * d + 4L * d;
        long offHeap = 3 * 4L * d;
        long byHeap = (long) (budget.heap() * (1 - Memory.MARGIN)) / heap;
        long byOffHeap = (long) (budget.offHeap() * (1 - Memory.MARGIN)) / offHeap;
        return Math.min(Math.min(byHeap, byOffHeap), Memory.MAX_ARRAY / d);
    }

    /**
     * Checks that {@code rows} points of dimension {@code d} fit this JVM.
     *
     * @param key the key that set {@code rows}, named in the message
     * @throws ConfigException naming {@code key}, its value and the most points that fit
     */
    public static void check(int d, long rows, String key) {
        Memory.Budget budget = Memory.Budget.ofThisJvm();
        long max = maxRows(d, budget);
        if (rows > max) {
            throw new ConfigException(key, rows, String.format(Locale.ROOT, "at most %d points of dimension %d at once for this run's"
                    + " generator (the memory of JVM heap %s + off-heap %s, less a %d%% margin each, and 2^31 - 1 entries per Java array);"
                    + " ask for fewer, or raise the heap with WASSERFLOW_JAVA_OPTS=-Xmx...", max, d, Memory.bytes(budget.heap()),
                    Memory.bytes(budget.offHeap()), Math.round(Memory.MARGIN * 100)));
        }
    }
}
