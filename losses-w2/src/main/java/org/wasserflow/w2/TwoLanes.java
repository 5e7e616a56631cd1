package org.wasserflow.w2;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.wasserflow.nn.Scratch;

/**
 * Evaluates two independent pieces of work (the phi side and the psi side of the W2 dual) and returns both
 * results: with one thread, one after the other on the caller; with two, the second on a worker thread. Each
 * piece runs the same operations either way, so the results are identical. Each piece runs inside a
 * workspace of its lane that closes when the piece ends: what a piece returns must live in memory it does
 * not allocate there (the sides' preallocated buffers, or Java arrays). Not thread-safe: one call at a time.
 */
final class TwoLanes {

    /** The results of the two pieces. */
    record Both<A, B>(A first, B second) { }

    private final ExecutorService worker;
    private final Scratch firstScratch = new Scratch("lane-phi");
    private final Scratch secondScratch = new Scratch("lane-psi");

    /** @param parallel whether the second piece runs on its own (daemon) thread */
    TwoLanes(boolean parallel) {
        this.worker = parallel ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wasserflow-critic-lane");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Runs {@code first} and {@code second}, in parallel when two threads were asked for, and returns both results. */
    <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
        if (worker == null) {
            return new Both<>(in(firstScratch, first), in(secondScratch, second));
        }
        Future<B> lane = worker.submit(() -> in(secondScratch, second));
        A a;
        try {
            a = in(firstScratch, first);
        } catch (RuntimeException e) {
            join(lane);
            throw e;
        }
        return new Both<>(a, join(lane));
    }

    /** Runs two pieces that return nothing. */
    void both(Runnable first, Runnable second) {
        both(() -> {
            first.run();
            return null;
        }, () -> {
            second.run();
            return null;
        });
    }

    private static <T> T in(Scratch scratch, Supplier<T> body) {
        try (MemoryWorkspace ws = scratch.open()) {
            return body.get();
        }
    }

    /** Waits for the worker's piece and returns its result, rethrowing its failure. */
    private static <T> T join(Future<T> lane) {
        try {
            return lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
