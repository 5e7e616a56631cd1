package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bench's report of a training iteration: its counted work, the in-process sgemm rate and the fraction achieved. */
class BenchCommandTest {

    private static final String[] SMALL = {"bench", "../configs/ring-w2.properties", "bench.warmup=1", "bench.iterations=3",
        "bench.assignment_sizes=50", "bench.sinkhorn_sizes=50", "bench.gemm=64,32,32", "flow.batch=64", "critic.hidden=32,32",
        "generator.hidden=32,32", "critic.steps=1", "eval.source_size=100", "eval.data_size=100"};

    /**
     * One iteration with one critic step of the W2 dual (hinge, interpolants, equality) on m = 64 rows of a
     * 2 -> 32 -> 32 -> 1 network, counted product by product: per side a forward pass over 3m rows (own points,
     * interpolants, the other side's mapped points; 1120 multiply-adds a row), input gradients on 2m rows (1120),
     * one backward pass over the 3m rows (2241: weights, biases and the data gradient) and one double backward
     * pass on m rows (2208); then the velocity, phi's forward pass and input gradient on m rows.
     */
    @Test
    void theCountedWorkIsExactlyTheDualsMatrixProducts() {
        java.util.Map<String, String> v = new org.wasserflow.flow.config.ConfigLoader().load(java.nio.file.Path.of("../configs/ring-w2.properties"),
                java.util.List.of("flow.batch=64", "critic.hidden=32,32", "generator.hidden=32,32", "critic.steps=1",
                        "eval.source_size=100", "eval.data_size=100"));
        org.wasserflow.flow.Components c = org.wasserflow.flow.Components.build(v, getClass().getClassLoader(), java.util.List.of());
        c.trainer().iterate();
        long before = c.potential().flops();
        c.trainer().iterate();
        int m = 64;
        long perSide = 2L * m * (3 * 1120 + 2 * 1120 + 3 * 2241 + 2208);
        assertEquals(2 * perSide + 2L * 2 * m * 1120, c.potential().flops() - before);
    }

    @Test
    void reportsTheIterationsWorkAndItsFractionOfTheSgemmRate() {
        Cli.Result r = Cli.run(SMALL);
        assertEquals(0, r.status(), r.err());
        Matcher work = Pattern.compile("matrix products: ([0-9.]+) GFLOP per iteration \\(potential ([0-9.]+), generator ([0-9.]+)\\)")
                .matcher(r.out());
        assertTrue(work.find(), r.out());
        assertTrue(Double.parseDouble(work.group(2)) > 0 && Double.parseDouble(work.group(3)) > 0, work.group());
        assertTrue(Pattern.compile("sgemm 64x32x32 in this process, best of 9: one lane [0-9.]+ GFLOP/s, two lanes [0-9.]+ GFLOP/s").matcher(r.out()).find(),
                r.out());
        Matcher fraction = Pattern.compile("achieved: ([0-9.]+) GFLOP/s at the median, ([0-9.]+) of the best two-lane sgemm rate").matcher(r.out());
        assertTrue(fraction.find() && Double.parseDouble(fraction.group(1)) > 0 && Double.parseDouble(fraction.group(2)) <= 1.5, r.out());
        assertTrue(r.out().contains("garbage collection during the timed iterations"), r.out());
        Matcher jit = Pattern.compile("JIT compilation during the timed iterations: ([0-9.]+) s of the compiler threads \\(([0-9.]+)% of their time\\)")
                .matcher(r.out());
        assertTrue(jit.find() && Double.parseDouble(jit.group(1)) >= 0, r.out());
        Matcher handoffs = Pattern.compile("two-lane hand-offs: ([0-9]+) per iteration, ([0-9]+)% of them run by the caller .*"
                + "the caller's time after its own pieces: ([0-9.]+) ms per iteration").matcher(r.out());
        assertTrue(handoffs.find() && Integer.parseInt(handoffs.group(1)) > 0 && Integer.parseInt(handoffs.group(2)) <= 100, r.out());
        String kernels = System.getenv("OPENBLAS_CORETYPE") == null ? "unset" : System.getenv("OPENBLAS_CORETYPE");
        assertTrue(Pattern.compile("cpu .+AVX-512[^;]*; OpenBLAS kernels: OPENBLAS_CORETYPE " + Pattern.quote(kernels)).matcher(r.out()).find(),
                r.out());
    }
}
