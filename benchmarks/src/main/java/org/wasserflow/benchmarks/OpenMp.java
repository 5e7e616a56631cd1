package org.wasserflow.benchmarks;

/**
 * The OpenMP thread count ND4J's native kernels use is read from {@code OMP_NUM_THREADS} when the library loads,
 * and a JMH fork inherits the environment of the {@code java -jar} that starts it, so it must be exported before
 * running: unset, OpenMP spins one thread per core, which on the 2-core development machine makes the training
 * 3x slower (README). Every benchmark's setup fails early rather than time that configuration by accident.
 */
final class OpenMp {

    private OpenMp() {
    }

    /** @throws IllegalStateException if {@code OMP_NUM_THREADS} is not set (to 1 for the README's table) */
    static void requireThreadsSet() {
        String threads = System.getenv("OMP_NUM_THREADS");
        if (threads == null || threads.isBlank()) {
            throw new IllegalStateException("OMP_NUM_THREADS is not set: export OMP_NUM_THREADS=1 before running the "
                    + "benchmarks (README, Microbenchmarks)");
        }
    }
}
