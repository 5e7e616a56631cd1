package org.wasserflow.nn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * Evaluates two independent pieces of work (the phi and psi sides of the W2 dual, the two row halves of a
 * batch-norm network's pass) and returns both results: with one thread, one after the other on the caller;
 * with two, the second on a worker thread. Each piece runs the same operations either way, so the results are
 * identical. Each piece runs inside a workspace of its lane that closes when the piece ends: what a piece
 * returns must live in memory it does not allocate there (preallocated buffers, or Java arrays). Not
 * thread-safe: one call at a time.
 */
public final class TwoLanes {

    /** How long the worker keeps polling for the next piece before it parks, in nanoseconds. */
    private static final long SPIN_NANOS = 200_000;

    /** The results of the two pieces. */
    public record Both<A, B>(A first, B second) { }

    private final Scratch firstScratch;
    private final Scratch secondScratch;
    private final Thread worker;
    private final AtomicReference<FutureTask<?>> next = new AtomicReference<>();

    /**
     * @param name names the worker thread and the lanes' workspaces
     * @param parallel whether the second piece runs on its own (daemon) thread
     */
    public TwoLanes(String name, boolean parallel) {
        this.firstScratch = new Scratch(name + "-lane-1");
        this.secondScratch = new Scratch(name + "-lane-2");
        if (parallel) {
            worker = new Thread(this::serve, "wasserflow-" + name + "-lane");
            worker.setDaemon(true);
            worker.start();
        } else {
            worker = null;
        }
    }

    /** Runs {@code first} and {@code second}, in parallel when two threads were asked for, and returns both results. */
    public <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
        if (worker == null) {
            return new Both<>(in(firstScratch, first), in(secondScratch, second));
        }
        FutureTask<B> lane = new FutureTask<>(() -> in(secondScratch, second));
        next.set(lane);
        LockSupport.unpark(worker);
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
    public void both(Runnable first, Runnable second) {
        both(() -> {
            first.run();
            return null;
        }, () -> {
            second.run();
            return null;
        });
    }

    /**
     * The worker: runs each piece handed to it; between pieces it polls for {@value #SPIN_NANOS} ns (a hand-off
     * through parking costs tens of microseconds, as much as the small pieces of a batch-norm pass), then parks.
     */
    private void serve() {
        long idleSince = System.nanoTime();
        while (true) {
            FutureTask<?> task = next.getAndSet(null);
            if (task != null) {
                task.run();
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private static <T> T in(Scratch scratch, Supplier<T> body) {
        try (MemoryWorkspace ws = scratch.open()) {
            return body.get();
        }
    }

    /** Waits for the worker's piece and returns its result, rethrowing its failure. */
    private static <T> T join(FutureTask<T> lane) {
        while (!lane.isDone()) {
            Thread.onSpinWait();
        }
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
