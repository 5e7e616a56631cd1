package org.wasserflow.runners;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.wasserflow.ot.EmpiricalTransport;
import org.wasserflow.ot.LinearAssignment;
import org.wasserflow.runners.config.TrackingSettings;
import org.wasserflow.runners.flow.Components;

/**
 * The {@code bench} command: the median wall time of one training iteration for the configured run
 * (after {@code bench.warmup} untimed iterations, over {@code bench.iterations}), and the time of the
 * exact assignment for each of {@code bench.assignment_sizes} points in 2-D, median of
 * {@code bench.repeats}. Prints to standard output; writes no run directory.
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
        int[][] sizes = new int[1][];
        Components c = Components.build(settings, plugins, s -> {
            opts[0] = s.getInt("bench.warmup", 10);
            opts[1] = s.getInt("bench.iterations", 30);
            opts[2] = s.getInt("bench.repeats", 3);
            sizes[0] = s.getPositiveInts("bench.assignment_sizes", 1000, 3000);
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
        SplittableRandom rnd = new SplittableRandom(c.run().seed());
        for (int n : sizes[0]) {
            assignment("independent ring samples", n, opts[2], () -> ring(rnd, n), () -> ring(rnd, n));
            assignment("collapsed source N(0, 0.05^2) vs ring", n, opts[2], () -> blob(rnd, n), () -> ring(rnd, n));
        }
    }

    private static void assignment(String label, int n, int repeats, Supplier<double[]> y, Supplier<double[]> x) {
        double[] t = new double[Math.max(1, repeats)];
        LinearAssignment solver = new LinearAssignment();
        for (int r = 0; r < t.length; r++) {
            double[] cost = EmpiricalTransport.costMatrix(y.get(), x.get(), n, 2, 2);
            long t0 = System.nanoTime();
            solver.solve(cost, n);
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "exact assignment n=%d (%s): median %.4f s over %d (min %.4f)%n", n, label, median(t), t.length,
                Arrays.stream(t).min().orElse(0));
    }

    private static double[] ring(SplittableRandom rnd, int n) {
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(8);
            p[2 * i] = Math.cos(2 * Math.PI * k / 8) + 0.1 * normal(rnd);
            p[2 * i + 1] = Math.sin(2 * Math.PI * k / 8) + 0.1 * normal(rnd);
        }
        return p;
    }

    private static double[] blob(SplittableRandom rnd, int n) {
        double[] p = new double[2 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.05 * normal(rnd);
        }
        return p;
    }

    private static double normal(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1.0 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
