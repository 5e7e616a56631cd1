package org.wasserflow.w2;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.wasserflow.nn.Scratch;

/**
 * Runs two lanes of work (the phi side and the psi side of the W2 dual) phase by phase: every lane
 * finishes phase k before any lane starts phase k + 1, and a hook runs between two chosen phases with
 * both lanes paused. With one thread the lanes alternate on the caller; with two, the second lane runs on
 * a worker thread. Each lane does the same operations in the same order either way, so results are
 * identical. Each lane keeps one workspace open for all phases, so arrays made in one phase stay valid
 * in the next. Not thread-safe: one run at a time.
 */
final class TwoLanes {

    private final int phases;
    private final ExecutorService worker;
    private final Scratch first = new Scratch("lane-phi");
    private final Scratch second = new Scratch("lane-psi");

    /** @param parallel whether the second lane runs on its own (daemon) thread */
    TwoLanes(int phases, boolean parallel) {
        this.phases = phases;
        this.worker = parallel ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wasserflow-critic-lane");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * @param a the first lane, called with each phase index
     * @param b the second lane
     * @param hookAfter the phase after which {@code hook} runs, with both lanes paused
     * @param hook work on the results of both lanes, on the caller's thread
     */
    void run(IntConsumer a, IntConsumer b, int hookAfter, Runnable hook) {
        if (worker == null) {
            try (MemoryWorkspace wa = first.open(); MemoryWorkspace wb = second.open()) {
                for (int k = 0; k < phases; k++) {
                    a.accept(k);
                    b.accept(k);
                    if (k == hookAfter) {
                        hook.run();
                    }
                }
            }
            return;
        }
        CyclicBarrier barrier = new CyclicBarrier(2);
        Future<?> lane = worker.submit(() -> {
            try (MemoryWorkspace ws = second.open()) {
                for (int k = 0; k < phases; k++) {
                    b.accept(k);
                    await(barrier);
                    if (k == hookAfter) {
                        await(barrier);
                    }
                }
            } catch (RuntimeException e) {
                barrier.reset();
                throw e;
            }
            return null;
        });
        RuntimeException failure = null;
        try (MemoryWorkspace ws = first.open()) {
            try {
                for (int k = 0; k < phases; k++) {
                    a.accept(k);
                    await(barrier);
                    if (k == hookAfter) {
                        hook.run();
                        await(barrier);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
                barrier.reset();
            }
            RuntimeException laneFailure = join(lane);
            if (laneFailure != null && (failure == null || failure.getCause() instanceof BrokenBarrierException)) {
                failure = laneFailure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for the worker lane (before the caller's workspace closes) and returns its failure, if any. */
    private static RuntimeException join(Future<?> lane) {
        try {
            lane.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("the other critic lane failed", e);
        }
    }
}
