package org.wasserflow.flow;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.bytedeco.javacpp.Pointer;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.flow.problem.EvaluationConfig;
import org.wasserflow.flow.problem.Problem;

/**
 * The memory a run needs, estimated from its plan and the laws' dimension before training, against what this JVM
 * may use: a size that cannot fit stops the run with one line naming the key to change, the estimate and the
 * budget, instead of an {@code Allocation failed} minutes later.
 *
 * <p>The estimate follows the built-in plugins' buffers and is meant to be right within a factor of 2:
 * <ul>
 * <li>each MLP tape ({@code nn}'s {@code Tape}) at {@code m} rows holds, per hidden layer of width {@code w}, six
 *     float {@code [m, w]} ND4J arrays (seven with batch norm: pre-activation, batch-norm output, ReLU output, mask,
 *     two backward scratches, the input-gradient chain), plus output, input gradient and ones, and two heap
 *     {@code float[m * widest]} scratches; the parameters take four floats each (value, gradient, Adam's two moments);
 * <li>the generator ({@code mlp}) keeps two tapes at {@code flow.batch} ({@code generate}, {@code step}) and one at
 *     {@code eval.source_size}; W2's neural dual keeps, for each of its two networks, a tape per term ({@code own},
 *     plus {@code interpolant} and {@code mapped} when {@code w2.interpolants} and {@code w2.equality}), and one more
 *     for the velocity; W1's critic four (generated, data, interpolant, velocity);
 * <li>exact OT: the {@code flow.batch}^2 double cost matrix on the heap and the assignment's six vectors; Sinkhorn:
 *     the float cost and the kernel and its transpose, {@code 3 n^2} floats; both also copy the batches to
 *     {@code double[]} rows;
 * <li>the metrics run one after the other, so the largest counts: {@code w2}, {@code w1} an {@code n x n} double cost
 *     matrix on the heap at the evaluation size; {@code nn-ot-baseline} that matrix twice off-heap (product and
 *     copy) and once on the heap; {@code energy} and {@code nn-accuracy} blocks of 512 (1024) rows of distances;
 * <li>the batches themselves: sixteen {@code [flow.batch, d]} float arrays (sources, data, generated, targets,
 *     velocities, the dual's interpolants and maps).
 * </ul>
 * Potentials and generators from {@code plugins.dir} are not estimated (their batches are).
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
    private static final long DOUBLE = 8;

    private Memory() {
    }

    /**
     * One consumer of memory.
     *
     * @param what what it is, for the message ("the potential networks' activations and gradients")
     * @param key the key whose value drives it, the one to change
     * @param heap bytes on the JVM heap
     * @param offHeap bytes in ND4J's off-heap arrays
     * @param largestArray entries of its largest single Java array
     */
    public record Part(String what, String key, long heap, long offHeap, long largestArray) { }

    /** The parts of a run's memory, all alive at once (at an evaluation, after training steps). */
    public record Estimate(List<Part> parts) {

        public Estimate {
            parts = List.copyOf(parts);
        }

        /** Bytes on the JVM heap. */
        public long heap() {
            return parts.stream().mapToLong(Part::heap).sum();
        }

        /** Bytes off-heap. */
        public long offHeap() {
            return parts.stream().mapToLong(Part::offHeap).sum();
        }

        /** The part named {@code what}. */
        public Part part(String what) {
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

    /** Estimates the plan's memory for the laws and checks it against this JVM's budget. */
    public static void check(RunPlan plan, Problem.Laws laws) {
        check(plan, estimate(plan, laws), Budget.ofThisJvm());
    }

    /** The estimate for the laws' dimension and the evaluation sizes they give ({@code 0}: every row of a finite law). */
    public static Estimate estimate(RunPlan plan, Problem.Laws laws) {
        EvaluationConfig eval = EvaluationConfig.from(plan.view(List.of(EvaluationConfig.GROUP)));
        int source = eval.sourceSize() == 0 ? laws.source().size().orElse(2000) : eval.sourceSize();
        int data = eval.dataSize() == 0 ? laws.evalData().size().orElse(2000) : eval.dataSize();
        return estimate(plan, laws.data().dimension(), source, data);
    }

    /**
     * The estimate for data of dimension {@code d} and evaluation sets of {@code evalSource} and {@code evalData}
     * points.
     */
    public static Estimate estimate(RunPlan plan, int d, int evalSource, int evalData) {
        Map<String, String> values = plan.resolved();
        long m = plan.flow().batch();
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("the training batches", FlowConfig.BATCH.key(), 0, 16 * m * d * FLOAT, 0));

        String generator = plan.plugin("generator").name();
        if (generator.equals("mlp")) {
            int[] hidden = ints(values.get("generator.hidden"));
            boolean bn = Boolean.parseBoolean(values.get("generator.batch_norm"));
            String key = networkKey(plan, m, "generator", "generator.hidden", hidden);
            parts.add(tapes("the generator network's activations and gradients", key, 2, m, d, hidden, d, bn));
            parts.add(new Part("the generator's parameters", "generator.hidden", 0, 4 * FLOAT * parameters(d, hidden, d, bn), 0));
            if (evalSource != m) {
                parts.add(tapes("the generator's evaluation batch", EvaluationConfig.SOURCE_SIZE.key(), 1, evalSource, d, hidden, d, bn));
            }
        }

        String potential = plan.plugin("potential").name();
        String loss = plan.run().loss();
        switch (potential) {
            case "neural-dual" -> {
                int[] hidden = ints(values.get("critic.hidden"));
                int nets;
                int tapes;
                if (loss.equals("w2")) {
                    int perNet = 1 + (Boolean.parseBoolean(values.get("w2.interpolants")) ? 1 : 0)
                            + (Boolean.parseBoolean(values.get("w2.equality")) ? 1 : 0);
                    nets = 2;
                    tapes = 2 * perNet + 1;
                } else {
                    nets = 1;
                    tapes = 4;
                }
                String key = networkKey(plan, m, "potential", "critic.hidden", hidden);
                parts.add(tapes("the potential networks' activations and gradients", key, tapes, m, d, hidden, 1, false));
                parts.add(new Part("the potential networks' parameters", "critic.hidden", 0,
                        nets * 4 * FLOAT * parameters(d, hidden, 1, false), 0));
            }
            case "exact-ot" -> parts.add(new Part("the exact-OT cost matrix and assignment", FlowConfig.BATCH.key(),
                    DOUBLE * m * m + 32 * m + 2 * rowsOnHeap(m, d) + DOUBLE * m * d, 0, m * m));
            case "sinkhorn" -> parts.add(new Part("Sinkhorn's cost matrix and kernel", FlowConfig.BATCH.key(),
                    3 * FLOAT * m * m + 24 * m + 2 * rowsOnHeap(m, d) + DOUBLE * m * d, 0, m * m));
            default -> {
                // a potential from plugins.dir: not estimated
            }
        }

        long sets = (2L * evalSource + evalData) * d * FLOAT + evalSource * (long) d * FLOAT;
        String larger = evalSource >= evalData ? EvaluationConfig.SOURCE_SIZE.key() : EvaluationConfig.DATA_SIZE.key();
        parts.add(new Part("the evaluation sets", larger, 0, sets, 0));
        Part metric = null;
        for (var e : plan.metrics()) {
            Part p = metric(e.plugin().name(), d, evalSource, evalData);
            if (p != null && (metric == null || p.heap() + p.offHeap() > metric.heap() + metric.offHeap())) {
                metric = p;
            }
        }
        if (metric != null) {
            parts.add(metric);
        }
        return new Estimate(parts);
    }

    /** The largest buffers of one metric at the evaluation sizes, or null for a metric whose buffers are small. */
    private static Part metric(String name, int d, long source, long data) {
        String sourceKey = EvaluationConfig.SOURCE_SIZE.key();
        String larger = source >= data ? sourceKey : EvaluationConfig.DATA_SIZE.key();
        long n = Math.max(source, data);
        return switch (name) {
            case "w2", "w1" -> new Part("the " + name + " metric's cost matrix", larger,
                    DOUBLE * n * n + 32 * n + 2 * DOUBLE * n * d, 0, n * n);
            case "nn-ot-baseline" -> new Part("the nn-ot-baseline metric's cost matrix", sourceKey,
                    DOUBLE * source * source, 2 * DOUBLE * source * source + DOUBLE * 2 * source * d, source * source);
            case "energy" -> new Part("the energy metric's distance blocks", larger, 0,
                    2 * DOUBLE * 512 * n + DOUBLE * (source + data) * d, 0);
            case "nn-accuracy" -> new Part("the nn-accuracy metric's distance blocks", sourceKey, 0, 2 * DOUBLE * 1024 * source, 0);
            default -> null;
        };
    }

    /**
     * {@code count} tapes of an MLP {@code in -> hidden -> out} at {@code rows} rows (see {@code nn}'s {@code Tape}):
     * per hidden layer six float {@code [rows, w]} arrays, seven with batch norm, plus output, input gradient and a
     * column of ones off-heap; two {@code float[rows * widest]} on the heap.
     */
    static Part tapes(String what, String key, int count, long rows, int in, int[] hidden, int out, boolean batchNorm) {
        long widths = Arrays.stream(hidden).asLongStream().sum();
        long widest = Arrays.stream(hidden).max().orElse(1);
        long off = FLOAT * rows * ((batchNorm ? 7 : 6) * widths + out + in + 1);
        long heap = 2 * FLOAT * rows * widest;
        return new Part(what, key, count * heap, count * off, rows * widest);
    }

    /** The parameter count of an MLP: weights and biases, or weights, gamma and beta with batch norm. */
    static long parameters(int in, int[] hidden, int out, boolean batchNorm) {
        long total = 0;
        long fanIn = in;
        for (int w : hidden) {
            total += fanIn * w + (batchNorm ? 2L : 1L) * w;
            fanIn = w;
        }
        return total + fanIn * out + out;
    }

    /** A batch converted to {@code double[]} rows (array headers included) and its flat double copy. */
    private static long rowsOnHeap(long m, int d) {
        return m * (16 + DOUBLE * d + 4) + DOUBLE * m * d;
    }

    /**
     * The key that drives a network's buffers at {@code m} rows: {@code flow.batch}, or the widths key when the
     * widths exceed their default by a larger factor than the batch exceeds its own.
     */
    private static String networkKey(RunPlan plan, long m, String role, String widthsKey, int[] hidden) {
        double batchGrowth = (double) m / FlowConfig.BATCH.defaultValue();
        Object declared = declaredDefault(plan.plugin(role), widthsKey);
        int[] defaults = declared instanceof int[] a ? a : hidden;
        double widthGrowth = (double) Arrays.stream(hidden).asLongStream().sum() / Arrays.stream(defaults).asLongStream().sum();
        return widthGrowth > batchGrowth ? widthsKey : FlowConfig.BATCH.key();
    }

    private static Object declaredDefault(Plugin plugin, String key) {
        for (SettingGroup g : plugin.settings()) {
            for (Setting<?> s : g.settings()) {
                if (s.key().equals(key)) {
                    return s.defaultValue();
                }
            }
        }
        return null;
    }

    static int[] ints(String text) {
        return Arrays.stream(text.replaceAll("[\\[\\]]", "").split("[,\\s]+")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt)
                .toArray();
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
                fits(plan, estimate, Part::heap, estimate.heap(), budget.usableHeap(), "on the JVM heap", available);
            } else {
                fits(plan, estimate, Part::offHeap, estimate.offHeap(), budget.usableOffHeap(), "off-heap", available);
            }
        }
        for (Part p : estimate.parts()) {
            if (p.largestArray() > MAX_ARRAY) {
                throw new ConfigException(p.key(), value(plan, p.key()), expected(p.key()) + ": " + p.what()
                        + " would need one Java array of " + String.format(Locale.ROOT, "%.2g", (double) p.largestArray())
                        + " entries, and one holds at most 2^31 - 1");
            }
        }
    }

    private static void fits(RunPlan plan, Estimate estimate, ToLongFunction<Part> side, long total, long usable, String where,
            String available) {
        if (total <= usable) {
            return;
        }
        Part largest = estimate.parts().stream().max(Comparator.comparingLong(side)).orElseThrow();
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
