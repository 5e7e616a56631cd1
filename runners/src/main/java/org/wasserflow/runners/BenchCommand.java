package org.wasserflow.runners;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.wasserflow.ot.EmpiricalTransport;
import org.wasserflow.ot.LinearAssignment;
import org.wasserflow.ot.Points;
import org.wasserflow.ot.Sinkhorn;
import org.wasserflow.runners.config.TrackingSettings;
import org.wasserflow.runners.experiment.Experiment;
import org.wasserflow.runners.flow.Components;

/**
 * The {@code bench} command: the median wall time of one training iteration for the configured run
 * (after {@code bench.warmup} untimed iterations, over {@code bench.iterations}), and the time of the
 * exact assignment (squared Euclidean cost) for each of {@code bench.assignment_sizes} points, median of
 * {@code bench.repeats}, on two independent data samples of the experiment and on a source sample against a
 * data sample (for the ring, a collapsed blob against the ring: the hardest case, met at iteration 0). Prints to standard output; writes no run directory.
 */
public final class BenchCommand {

    private final TrackingSettings settings;
    private final ClassLoader plugins;

    public BenchCommand(TrackingSettings settings, ClassLoader plugins) {
        this.settings = settings;
        this.plugins = plugins;
    }

    public void execute() {
        int[] opts = new int[3];
        int[][] sizes = new int[2][];
        Components c = Components.build(settings, plugins, s -> {
            opts[0] = s.getInt("bench.warmup", 10);
            opts[1] = s.getInt("bench.iterations", 30);
            opts[2] = s.getInt("bench.repeats", 3);
            sizes[0] = s.getPositiveInts("bench.assignment_sizes", 1000, 3000);
            sizes[1] = s.getPositiveInts("bench.sinkhorn_sizes", 1000, 4000);
        });
        System.out.printf(Locale.ROOT, "training iteration (%s, K=%d, batch %d, critic steps and terms as configured)%n",
                c.run().selection(), c.flow().k(), c.flow().batch());
        for (int i = 0; i < opts[0]; i++) {
            c.trainer().iterate();
        }
        double[] t = new double[Math.max(1, opts[1])];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            c.trainer().iterate();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "  median %.4f s per iteration over %d (min %.4f, max %.4f)%n", median(t), t.length,
                Arrays.stream(t).min().orElse(0), Arrays.stream(t).max().orElse(0));
        Experiment e = c.experiment();
        for (int n : sizes[0]) {
            assignment("two data samples", n, opts[2], () -> Points.flat(e.data(n)), () -> Points.flat(e.data(n)));
            assignment("source sample vs data sample", n, opts[2], () -> Points.flat(e.source(n)), () -> Points.flat(e.data(n)));
        }
        for (int n : sizes[1]) {
            sinkhorn(n, Points.flat(e.data(n)), Points.flat(e.data(n)));
        }
    }

    /**
     * Log-domain Sinkhorn iterations on two data samples (float32, epsilon 0.01, 20 iterations at fixed
     * epsilon), next to the memory bound: one iteration streams the cost matrix and its transpose once,
     * {@code 2 n^2} floats, timed here as a copy of the same size.
     */
    private static void sinkhorn(int n, double[] y, double[] x) {
        int d = y.length / n;
        double[] c64 = EmpiricalTransport.costMatrix(y, x, n, d, 2);
        float[] c = new float[c64.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = (float) (c64[k] / 2);
        }
        float[] ct = Sinkhorn.transpose(c, n, n);
        Sinkhorn.Options fixed = new Sinkhorn.Options(1.0, 0.5, 1e-30, 20);
        Sinkhorn solver = new Sinkhorn();
        solver.solve(c, ct, n, n, fixed);
        long t0 = System.nanoTime();
        Sinkhorn.Result r = solver.solve(c, ct, n, n, fixed);
        double perIteration = (System.nanoTime() - t0) / 1e9 / r.iterations();
        float[] dst = new float[c.length];
        double copy = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 5; k++) {
            long c0 = System.nanoTime();
            System.arraycopy(c, 0, dst, 0, c.length);
            System.arraycopy(ct, 0, dst, 0, ct.length);
            copy = Math.min(copy, (System.nanoTime() - c0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "sinkhorn n=%d float32: %.4f s per iteration; moves %d MB per iteration, copied in %.4f s: %.1fx the bound%n",
                n, perIteration, 8L * n * n / 1_000_000, copy, perIteration / copy);
    }

    private static void assignment(String label, int n, int repeats, Supplier<double[]> y, Supplier<double[]> x) {
        double[] t = new double[Math.max(1, repeats)];
        LinearAssignment solver = new LinearAssignment();
        for (int r = 0; r < t.length; r++) {
            double[] yy = y.get();
            double[] cost = EmpiricalTransport.costMatrix(yy, x.get(), n, yy.length / n, 2);
            long t0 = System.nanoTime();
            solver.solve(cost, n);
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "exact assignment n=%d (%s): median %.4f s over %d (min %.4f)%n", n, label, median(t), t.length,
                Arrays.stream(t).min().orElse(0));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
