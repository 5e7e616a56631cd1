package org.wasserflow.runners;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.wasserflow.ot.CostMatrix;
import org.wasserflow.ot.LinearAssignment;
import org.wasserflow.ot.Points;
import org.wasserflow.ot.Sinkhorn;
import org.wasserflow.api.GroundCosts;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.problem.Problem;
import org.wasserflow.flow.Components;

/**
 * The {@code bench} command: the wall time of one training iteration for the configured run (after
 * {@code bench.warmup} untimed iterations, over {@code bench.iterations}) with its work and the fraction of the
 * machine's sgemm rate it achieves ({@link IterationBench}), and the time of the
 * exact assignment (squared Euclidean cost) for each of {@code bench.assignment_sizes} points, median of
 * {@code bench.repeats}, on two independent data samples of the problem and on a source sample against a
 * data sample (for the ring, a collapsed blob against the ring: the hardest case, met at iteration 0). Prints to standard output; writes no run directory.
 */
public final class BenchCommand {

    public static final Setting<Integer> WARMUP = Setting.integer("bench.warmup", 300).atLeast(0)
            .describe("untimed training iterations before timing (the JIT compiler works through the first few hundred,"
                    + " on a core the two lanes need; the bench reports its time during the timed ones)");
    public static final Setting<Integer> ITERATIONS = Setting.integer("bench.iterations", 100).atLeast(1)
            .describe("timed training iterations");
    public static final Setting<Integer> REPEATS = Setting.integer("bench.repeats", 3).atLeast(1)
            .describe("repeats of each exact assignment");
    public static final Setting<int[]> ASSIGNMENT_SIZES = Setting.positiveInts("bench.assignment_sizes", 1000, 3000)
            .describe("point counts of the exact assignments timed");
    public static final Setting<int[]> SINKHORN_SIZES = Setting.positiveInts("bench.sinkhorn_sizes", 1000, 4000)
            .describe("point counts of the Sinkhorn solves timed");
    public static final Setting<int[]> GEMM = Setting.positiveInts("bench.gemm", 512, 128, 128)
            .describe("M,K,N of the sgemm whose rate the training iteration is compared with (batch x hidden x hidden)");
    /** The {@code bench.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("bench", "the benchmark command", WARMUP, ITERATIONS, REPEATS,
            ASSIGNMENT_SIZES, SINKHORN_SIZES, GEMM);

    private final Map<String, String> values;
    private final ClassLoader plugins;
    private final PrintStream out;

    /** @param out where the results are printed (standard output from the command line) */
    public BenchCommand(Map<String, String> values, ClassLoader plugins, PrintStream out) {
        this.values = Map.copyOf(values);
        this.plugins = plugins;
        this.out = out;
    }

    public void execute() {
        Components c = Components.build(values, plugins, List.of(GROUP));
        Settings bench = c.plan().view(List.of(GROUP));
        int[] opts = {bench.get(WARMUP), bench.get(ITERATIONS), bench.get(REPEATS)};
        int[][] sizes = {bench.get(ASSIGNMENT_SIZES), bench.get(SINKHORN_SIZES)};
        new IterationBench(c, bench.get(GEMM), out).run(opts[0], opts[1]);
        Problem e = c.problem();
        for (int n : sizes[0]) {
            assignment("two data samples", n, opts[2], () -> Points.flat(e.data(n)), () -> Points.flat(e.data(n)));
            assignment("source sample vs data sample", n, opts[2], () -> Points.flat(e.source(n)), () -> Points.flat(e.data(n)));
        }
        for (int n : sizes[1]) {
            sinkhorn(n, Points.flat(e.data(n)), Points.flat(e.data(n)));
        }
    }

    /**
     * Sinkhorn on two data samples (float32, epsilon 0.01, the potential's default), next to the memory
     * bound: one iteration streams the {@code n x n} kernel twice, {@code 2 n^2} floats, timed here as a copy
     * of the same size. The iteration time is the slope between a short and a long solve at a never-met
     * tolerance, so it leaves out the fixed cost of the epsilon stages; a solve to tolerance 1e-4 is then
     * timed whole, kernel rebuilds included.
     */
    private void sinkhorn(int n, double[] y, double[] x) {
        int d = y.length / n;
        float[] c = CostMatrix.ofFloat(GroundCosts.HALF_SQUARED_EUCLIDEAN, y, x, d);
        Sinkhorn solver = new Sinkhorn();
        int shortRun = 20;
        int longRun = 120;
        double tShort = Double.POSITIVE_INFINITY;
        double tLong = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            tShort = Math.min(tShort, time(() -> solver.solve(c, n, n, new Sinkhorn.Options(0.01, 0.5, 1e-30, shortRun))));
            tLong = Math.min(tLong, time(() -> solver.solve(c, n, n, new Sinkhorn.Options(0.01, 0.5, 1e-30, longRun))));
        }
        double perIteration = (tLong - tShort) / (longRun - shortRun);
        float[] dst = new float[c.length];
        double copy = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 5; k++) {
            long c0 = System.nanoTime();
            System.arraycopy(c, 0, dst, 0, c.length);
            System.arraycopy(c, 0, dst, 0, c.length);
            copy = Math.min(copy, (System.nanoTime() - c0) / 1e9);
        }
        out.printf(Locale.ROOT, "sinkhorn n=%d float32 eps 0.01: %.5f s per iteration; moves %d MB per iteration, copied in %.5f s: %.1fx the bound%n",
                n, perIteration, 8L * n * n / 1_000_000, copy, perIteration / copy);
        Sinkhorn.Result[] full = new Sinkhorn.Result[1];
        double whole = time(() -> full[0] = solver.solve(c, n, n, new Sinkhorn.Options(0.01, 0.5, 1e-4, 10_000)));
        out.printf(Locale.ROOT, "sinkhorn n=%d solve to tolerance 1e-4: %.3f s, %d iterations, %d kernel rebuilds, %.5f s per iteration all included%n",
                n, whole, full[0].iterations(), full[0].rebuilds(), whole / full[0].iterations());
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private void assignment(String label, int n, int repeats, Supplier<double[]> y, Supplier<double[]> x) {
        double[] t = new double[Math.max(1, repeats)];
        LinearAssignment solver = new LinearAssignment();
        for (int r = 0; r < t.length; r++) {
            double[] yy = y.get();
            double[] cost = CostMatrix.squared(yy, x.get(), yy.length / n);
            long t0 = System.nanoTime();
            solver.solve(cost, n);
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        out.printf(Locale.ROOT, "exact assignment n=%d (%s): median %.4f s over %d (min %.4f)%n", n, label, median(t), t.length,
                Arrays.stream(t).min().orElse(0));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
