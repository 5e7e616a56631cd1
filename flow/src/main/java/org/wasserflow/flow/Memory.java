package org.wasserflow.flow;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.bytedeco.javacpp.Pointer;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.RunShape;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.flow.plugin.PluginCatalogue;
import org.wasserflow.flow.problem.EvaluationConfig;
import org.wasserflow.flow.problem.Problem;

/**
 * The memory a run needs, estimated from its plan and the laws' dimension before training, against what this JVM
 * may use: a size that cannot fit stops the run with one line naming the key to change, the estimate and the
 * budget, instead of an {@code Allocation failed} minutes later.
 *
 * <p>The estimate is the sum of parts, meant to be right within a factor of 2:
 * <ul>
 * <li>the runner's own: the training batches (sixteen {@code [flow.batch, d]} float arrays: sources, data,
 *     generated, targets, velocities, an estimator's interpolants and maps) and the evaluation sets (source, data,
 *     reference and generated points, floats);
 * <li>what each selected plugin's descriptor reports ({@link Plugin#memory}) for its own settings view and the
 *     run's {@link RunShape}: the networks of a neural potential or generator, the cost matrices of an OT solver;
 *     the same for a plugin from {@code plugins.dir} as for a built-in one; a plugin that reports nothing counts
 *     nothing;
 * <li>of the metrics, the one whose parts are largest (as if they ran one after another; they run on the common
 *     fork-join pool, at most as many at once as there are cores).
 * </ul>
 *
 * <p>The budget: the JVM heap ({@link Runtime#maxMemory()}) for the {@code double[]} and {@code float[]} arrays, and
 * for ND4J's off-heap arrays what the process may hold beyond the heap: JavaCPP's {@link Pointer#maxPhysicalBytes()}
 * (the limit on the process's resident memory that it enforces on allocation; 4x the heap unless set), or the
 * machine's physical memory if that is lower or the limit is off, less the heap. ND4J's CPU buffers are not counted
 * in {@link Pointer#maxBytes()} (measured: 3 GB of INDArrays under {@code maxBytes} of 1 GB allocate), so that limit
 * plays no part. A margin of {@link #MARGIN} of each is kept free. A single Java array holds at most
 * {@code 2^31 - 1} entries (and the solvers index {@code n x n} matrices with ints), which bounds the cost matrices
 * whatever the memory.
 */
public final class Memory {

    /** The share of each budget kept free (JVM and native libraries, temporaries, fragmentation). */
    public static final double MARGIN = 0.2;

    /** The most entries a Java array (and an int-indexed {@code n x n} matrix) can hold. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final long FLOAT = 4;

    private Memory() {
    }

    /** The parts of a run's memory, all alive at once (at an evaluation, after training steps). */
    public record Estimate(List<MemoryPart> parts) {

        public Estimate {
            parts = List.copyOf(parts);
        }

        /** Bytes on the JVM heap. */
        public long heap() {
            return parts.stream().mapToLong(MemoryPart::heap).sum();
        }

        /** Bytes off-heap. */
        public long offHeap() {
            return parts.stream().mapToLong(MemoryPart::offHeap).sum();
        }

        /** The part named {@code what}. */
        public MemoryPart part(String what) {
            return parts.stream().filter(p -> p.what().equals(what)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no part '" + what + "' in " + parts));
        }
    }

    /**
     * What this JVM may use, before the margin.
     *
     * @param heap the maximum heap
     * @param offHeap what the process may hold beyond the heap
     */
    public record Budget(long heap, long offHeap) {

        /** The budget of the running JVM. */
        public static Budget ofThisJvm() {
            long heap = Runtime.getRuntime().maxMemory();
            long physical = physicalMemory();
            long limit = Pointer.maxPhysicalBytes();
            long process = limit > 0 ? Math.min(limit, physical) : physical;
            return new Budget(heap, Math.max(0, process - heap));
        }

        private static long physicalMemory() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
            return Long.MAX_VALUE;
        }

        long usableHeap() {
            return (long) (heap * (1 - MARGIN));
        }

        long usableOffHeap() {
            return (long) (offHeap * (1 - MARGIN));
        }
    }

    /** Estimates the plan's memory for the run's shape and checks it against this JVM's budget. */
    public static void check(RunPlan plan, RunShape shape) {
        check(plan, estimate(plan, shape), Budget.ofThisJvm());
    }

    /**
     * The run's sizes for the laws: their dimension, the batch, and the evaluation sizes they give (a configured
     * size of {@code 0} is every row of a finite law, or 2000 points of another, as {@link Problem} draws them).
     */
    public static RunShape shape(RunPlan plan, Problem.Laws laws) {
        EvaluationConfig eval = EvaluationConfig.from(plan.view(List.of(EvaluationConfig.GROUP)));
        int source = eval.sourceSize() == 0 ? laws.source().size().orElse(2000) : eval.sourceSize();
        int data = eval.dataSize() == 0 ? laws.evalData().size().orElse(2000) : eval.dataSize();
        return shape(plan, laws.data().dimension(), source, data);
    }

    /** The run's sizes for data of dimension {@code d} and evaluation sets of {@code evalSource} and {@code evalData} points. */
    public static RunShape shape(RunPlan plan, int d, int evalSource, int evalData) {
        return new RunShape(d, plan.flow().batch(), FlowConfig.BATCH.defaultValue(), evalSource, evalData);
    }

    /**
     * The estimate for data of dimension {@code d} and evaluation sets of {@code evalSource} and {@code evalData}
     * points.
     */
    public static Estimate estimate(RunPlan plan, int d, int evalSource, int evalData) {
        return estimate(plan, shape(plan, d, evalSource, evalData));
    }

    /** The runner's parts, every selected plugin's, and the largest metric's, for {@code shape}. */
    public static Estimate estimate(RunPlan plan, RunShape shape) {
        long m = shape.batch();
        int d = shape.dimension();
        List<MemoryPart> parts = new ArrayList<>();
        parts.add(new MemoryPart("the training batches", FlowConfig.BATCH.key(), 0, 16 * m * d * FLOAT, 0));
        plan.selected().forEach((role, e) -> parts.addAll(e.plugin().memoryParts(plan.view(role, e.plugin()), shape)));
        long source = shape.evalSource();
        long sets = (2 * source + shape.evalData()) * d * FLOAT + source * d * FLOAT;
        parts.add(new MemoryPart("the evaluation sets", shape.largerEvalKey(), 0, sets, 0));
        List<MemoryPart> metric = List.of();
        for (PluginCatalogue.Entry e : plan.metrics()) {
            List<MemoryPart> p = e.plugin().memoryParts(plan.view("metrics", e.plugin()), shape);
            if (total(p) > total(metric)) {
                metric = p;
            }
        }
        parts.addAll(metric);
        return new Estimate(parts);
    }

    private static long total(List<MemoryPart> parts) {
        return parts.stream().mapToLong(MemoryPart::total).sum();
    }

    /**
     * Checks {@code estimate} against {@code budget}: the heap parts within the heap and the off-heap parts within the
     * off-heap budget, each less {@link #MARGIN} (the side exceeded by the larger factor is reported), then no Java
     * array beyond {@link #MAX_ARRAY} entries.
     *
     * @throws ConfigException naming the key of the largest part on the side that does not fit
     */
    public static void check(RunPlan plan, Estimate estimate, Budget budget) {
        String available = "JVM heap " + bytes(budget.heap()) + " + off-heap " + bytes(budget.offHeap()) + ", less a "
                + Math.round(MARGIN * 100) + "% margin each";
        boolean heapFirst = (double) estimate.heap() / Math.max(1, budget.usableHeap())
                >= (double) estimate.offHeap() / Math.max(1, budget.usableOffHeap());
        for (int side = 0; side < 2; side++) {
            if ((side == 0) == heapFirst) {
                fits(plan, estimate, MemoryPart::heap, estimate.heap(), budget.usableHeap(), "on the JVM heap", available);
            } else {
                fits(plan, estimate, MemoryPart::offHeap, estimate.offHeap(), budget.usableOffHeap(), "off-heap", available);
            }
        }
        for (MemoryPart p : estimate.parts()) {
            if (p.largestArray() > MAX_ARRAY) {
                throw new ConfigException(p.key(), value(plan, p.key()), expected(p.key()) + ": " + p.what()
                        + " would need one Java array of " + String.format(Locale.ROOT, "%.2g", (double) p.largestArray())
                        + " entries, and one holds at most 2^31 - 1");
            }
        }
    }

    private static void fits(RunPlan plan, Estimate estimate, ToLongFunction<MemoryPart> side, long total, long usable, String where,
            String available) {
        if (total <= usable) {
            return;
        }
        MemoryPart largest = estimate.parts().stream().max(Comparator.comparingLong(side)).orElseThrow();
        throw new ConfigException(largest.key(), value(plan, largest.key()), expected(largest.key()) + ": about " + bytes(total)
                + " estimated " + where + ", " + bytes(side.applyAsLong(largest)) + " of it for " + largest.what() + "; "
                + bytes(usable) + " available " + where + " (" + available + ")");
    }

    private static String expected(String key) {
        if (key.equals(FlowConfig.BATCH.key())) {
            return "a batch whose buffers fit in memory";
        }
        if (key.startsWith("eval.")) {
            return "evaluation sets whose metrics fit in memory";
        }
        return "widths whose buffers fit in memory";
    }

    private static String value(RunPlan plan, String key) {
        String v = plan.values().get(key);
        return v != null ? v : plan.resolved().get(key);
    }

    /** {@code bytes} in decimal units with two significant digits: {@code 410 GB}, {@code 6.3 GB}. */
    static String bytes(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        if (u == 0) {
            return bytes + " bytes";
        }
        return (v < 9.95 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v)) + " " + units[u];
    }
}
