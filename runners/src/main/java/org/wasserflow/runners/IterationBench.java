package org.wasserflow.runners;

import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.flow.Components;
import org.wasserflow.nn.Gemm;
import org.wasserflow.nn.TwoLanes;
import org.wasserflow.runners.report.Provenance;

/**
 * The training-iteration part of {@code bench}: wall time per iteration (min, median, max), the work the
 * iteration performs in matrix products (counted by the networks, {@link org.wasserflow.api.Generator#flops}),
 * and that work's rate as a fraction of the sgemm rate measured in the same process on the layers' shape, with
 * one lane and with two lanes of one thread each (how the critic uses the two cores). Also reports what can
 * widen the spread between min and median: garbage-collection and JIT-compilation time during the timed
 * iterations (the compiler threads take a core from the two lanes), the lanes' hand-offs, and the spread of
 * the sgemm rate itself over repeated measurements (on the 2-core development machine, the two-lane
 * rate alone ranges over 2x between repeats a second apart).
 */
final class IterationBench {

    private final Components c;
    private final int[] gemm;
    private final PrintStream out;

    /**
     * @param gemm {@code M, K, N} of the product whose rate the iteration is compared with
     * @param out where the results are printed
     */
    IterationBench(Components c, int[] gemm, PrintStream out) {
        this.c = c;
        this.gemm = gemm;
        this.out = out;
    }

    void run(int warmup, int iterations) {
        out.printf(Locale.ROOT, "training iteration (%s, K=%d, batch %d, critic steps and terms as configured)%n",
                c.run().selection(), c.flow().k(), c.flow().batch());
        for (int i = 0; i < warmup; i++) {
            c.trainer().iterate();
        }
        long potential0 = c.potential().flops();
        long generator0 = c.generator().flops();
        long gc0 = gcMillis();
        long jit0 = jitMillis();
        TwoLanes.Handoffs lanes0 = TwoLanes.handoffs();
        double[] t = new double[Math.max(1, iterations)];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            c.trainer().iterate();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        double gc = (gcMillis() - gc0) / 1e3;
        double jit = (jitMillis() - jit0) / 1e3;
        TwoLanes.Handoffs lanes = TwoLanes.handoffs().since(lanes0);
        double potential = (c.potential().flops() - potential0) / (double) t.length;
        double generator = (c.generator().flops() - generator0) / (double) t.length;
        double[] s = t.clone();
        Arrays.sort(s);
        out.printf(Locale.ROOT, "  median %.4f s per iteration over %d (min %.4f, max %.4f)%n", s[s.length / 2], t.length, s[0],
                s[s.length - 1]);
        double work = potential + generator;
        out.printf(Locale.ROOT, "  matrix products: %.3f GFLOP per iteration (potential %.3f, generator %.3f)%n", work / 1e9,
                potential / 1e9, generator / 1e9);
        double[] one = rates(1);
        double[] two = rates(2);
        out.printf(Locale.ROOT, "  sgemm %dx%dx%d in this process, best of %d: one lane %.1f GFLOP/s, two lanes %.1f GFLOP/s"
                + " (two lanes: median %.1f, min %.1f)%n", gemm[0], gemm[1], gemm[2], two.length, one[one.length - 1], two[two.length - 1],
                median(two), two[0]);
        Map<String, String> machine = Provenance.environment();
        out.printf(Locale.ROOT, "  cpu %s; OpenBLAS kernels: OPENBLAS_CORETYPE %s%n", machine.get("machine.cpu"),
                machine.get("machine.openblas_coretype"));
        double rate = two[two.length - 1] * 1e9;
        out.printf(Locale.ROOT, "  achieved: %.1f GFLOP/s at the median, %.2f of the best two-lane sgemm rate (at the min %.2f, at the max %.2f)%n",
                work / s[s.length / 2] / 1e9, work / s[s.length / 2] / rate, work / s[0] / rate, work / s[s.length - 1] / rate);
        double timed = Arrays.stream(t).sum();
        out.printf(Locale.ROOT, "  garbage collection during the timed iterations: %.3f s (%.1f%% of their time)%n", gc, 100 * gc / timed);
        out.printf(Locale.ROOT, "  JIT compilation during the timed iterations: %.3f s of the compiler threads (%.1f%% of their time)%n", jit,
                100 * jit / timed);
        handoffs(lanes, t.length, s[s.length / 2]);
    }

    /**
     * What the two lanes' hand-offs cost: per iteration, the hand-offs, the share the caller ran itself because
     * the worker had not started them, and the caller's time after its own pieces (waiting or running the
     * other piece), against the median iteration.
     */
    private void handoffs(TwoLanes.Handoffs lanes, int iterations, double median) {
        if (lanes.count() == 0) {
            out.println("  two-lane hand-offs: none (the critic and the generator run on one thread)");
            return;
        }
        double after = lanes.afterNanos() / 1e9 / iterations;
        out.printf(Locale.ROOT, "  two-lane hand-offs: %.0f per iteration, %.0f%% of them run by the caller (the worker had not started);"
                + " the caller's time after its own pieces: %.1f ms per iteration (%.0f%% of the median)%n", (double) lanes.count() / iterations,
                100.0 * lanes.takenBack() / lanes.count(), 1e3 * after, 100 * after / median);
    }

    /**
     * Sorted sgemm rates in GFLOP/s over 9 repeats of about 0.1 s (after one untimed), each lane on its own
     * thread with its own arrays. On a shared 2-core machine the two-lane rate varies several-fold between
     * repeats, so the best is the machine's capacity and the median what it gave at the time.
     */
    private double[] rates(int lanes) {
        int reps = (int) Math.min(2000, Math.max(20, 1e10 / (2.0 * gemm[0] * gemm[1] * gemm[2])));
        Runnable[] work = new Runnable[lanes];
        for (int l = 0; l < lanes; l++) {
            INDArray a = Nd4j.rand(DataType.FLOAT, gemm[0], gemm[1]);
            INDArray b = Nd4j.rand(DataType.FLOAT, gemm[1], gemm[2]);
            INDArray product = Nd4j.create(DataType.FLOAT, gemm[0], gemm[2]);
            work[l] = () -> {
                for (int r = 0; r < reps; r++) {
                    Gemm.gemm(a, b, product, false, false, 1.0, 0.0);
                }
            };
        }
        double flops = 2.0 * gemm[0] * gemm[1] * gemm[2] * reps * lanes;
        double[] rate = new double[10];
        for (int k = 0; k < rate.length; k++) {
            long t0 = System.nanoTime();
            CompletableFuture<?>[] running = new CompletableFuture<?>[lanes - 1];
            for (int l = 1; l < lanes; l++) {
                running[l - 1] = CompletableFuture.runAsync(work[l]);
            }
            work[0].run();
            CompletableFuture.allOf(running).join();
            rate[k] = flops / ((System.nanoTime() - t0) / 1e9) / 1e9;
        }
        double[] kept = Arrays.copyOfRange(rate, 1, rate.length);
        Arrays.sort(kept);
        return kept;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The JIT compilers' accumulated time so far, in milliseconds (0 where the JVM does not monitor it). */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
