package org.wasserflow.nn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * Evaluates two independent pieces of work (the phi and psi sides of the W2 dual, the two row halves of a
 * batch-norm network's pass) and returns both results: with one thread, one after the other on the caller;
 * with two, the second is offered to a worker thread, and the caller takes it back and runs it itself when
 * the worker has not started it by the time the first piece is done (on a machine busy with other work, such
 * as the other runs of a sweep, the worker may get no core; the step then costs what it costs on one thread).
 * Each piece runs the same operations either way, so the results are identical. Each piece runs inside a
 * workspace of its lane that closes when the piece ends: what a piece returns must live in memory it does not
 * allocate there (preallocated buffers, or Java arrays). Not thread-safe: one call at a time.
 */
public final class TwoLanes {

    /**
     * How long the worker keeps polling for the next piece before it parks, and the caller for the worker's
     * result before it parks, in nanoseconds: 2 ms, longer than most pieces, so that the two lanes of a
     * critic step or a batch-norm pass hand over without parking (which costs tens of microseconds each way).
     */
    private static final long SPIN_NANOS = 2_000_000;

    /**
     * After this long, in nanoseconds, a polling thread yields its core at each poll instead of only pausing,
     * so that on a machine with more runnable threads than cores the thread it waits for can run.
     */
    private static final long BUSY_NANOS = 20_000;

    /**
     * The one worker thread of every parallel {@code TwoLanes} in this JVM: pieces are handed to it one at a time
     * (the critic and the generator never run at once), and a single worker never competes for a core with a
     * second one that is polling.
     */
    private static Worker shared;

    /** The results of the two pieces. */
    public record Both<A, B>(A first, B second) { }

    /**
     * What the parallel lanes of this JVM have cost their callers so far, for the bench's account of where an
     * iteration's time goes: the hand-offs, how many of them the worker had not started when the caller was
     * done with its own piece (so the caller ran both), and the caller's time after its own piece until the
     * other was done (waiting for the worker, or running the piece itself), in nanoseconds.
     */
    public record Handoffs(long count, long takenBack, long afterNanos) {

        /** The hand-offs since {@code earlier}. */
        public Handoffs since(Handoffs earlier) {
            return new Handoffs(count - earlier.count, takenBack - earlier.takenBack, afterNanos - earlier.afterNanos);
        }
    }

    private static final LongAdder HANDOFFS = new LongAdder();
    private static final LongAdder TAKEN_BACK = new LongAdder();
    private static final LongAdder AFTER_NANOS = new LongAdder();

    /** The hand-offs of every parallel {@code TwoLanes} in this JVM so far. */
    public static Handoffs handoffs() {
        return new Handoffs(HANDOFFS.sum(), TAKEN_BACK.sum(), AFTER_NANOS.sum());
    }

    private final Scratch firstScratch;
    private final Scratch secondScratch;
    private final Worker worker;

    /**
     * @param name names the worker thread and the lanes' workspaces
     * @param parallel whether the second piece runs on its own (daemon) thread
     */
    public TwoLanes(String name, boolean parallel) {
        this.firstScratch = new Scratch(name + "-lane-1");
        this.secondScratch = new Scratch(name + "-lane-2");
        this.worker = parallel ? worker() : null;
    }

    /** Runs {@code first} and {@code second}, in parallel when two threads were asked for, and returns both results. */
    public <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
        if (worker == null) {
            return new Both<>(in(firstScratch, first), in(secondScratch, second));
        }
        FutureTask<B> lane = new FutureTask<>(() -> in(secondScratch, second));
        worker.hand(lane);
        A a;
        try {
            a = in(firstScratch, first);
        } catch (RuntimeException e) {
            if (!worker.takeBack(lane)) {
                join(lane);
            }
            throw e;
        }
        long done = System.nanoTime();
        boolean takenBack = worker.takeBack(lane);
        B b = takenBack ? run(lane) : join(lane);
        HANDOFFS.increment();
        if (takenBack) {
            TAKEN_BACK.increment();
        }
        AFTER_NANOS.add(System.nanoTime() - done);
        return new Both<>(a, b);
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

    private static synchronized Worker worker() {
        if (shared == null) {
            shared = new Worker();
        }
        return shared;
    }

    /**
     * Runs each piece handed to it; between pieces it polls for {@value #SPIN_NANOS} ns, then parks.
     */
    private static final class Worker {

        private final AtomicReference<FutureTask<?>> next = new AtomicReference<>();
        private final Thread thread = new Thread(this::serve, "wasserflow-lane");

        Worker() {
            thread.setDaemon(true);
            thread.start();
        }

        void hand(FutureTask<?> task) {
            if (!next.compareAndSet(null, task)) {
                throw new IllegalStateException("the lane worker is busy: one TwoLanes call at a time");
            }
            LockSupport.unpark(thread);
        }

        /** Withdraws a piece the worker has not started; true when the caller now owns it. */
        boolean takeBack(FutureTask<?> task) {
            return next.compareAndSet(task, null);
        }

        private void serve() {
            long idleSince = System.nanoTime();
            while (true) {
                FutureTask<?> task = next.getAndSet(null);
                if (task != null) {
                    task.run();
                    idleSince = System.nanoTime();
                    continue;
                }
                long idle = System.nanoTime() - idleSince;
                if (idle < SPIN_NANOS) {
                    pause(idle);
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }

    private static <T> T in(Scratch scratch, Supplier<T> body) {
        try (MemoryWorkspace ws = scratch.open()) {
            return body.get();
        }
    }

    /** Runs a piece the caller took back, on the caller's thread, and returns its result. */
    private static <T> T run(FutureTask<T> lane) {
        lane.run();
        return join(lane);
    }

    /** One poll of a waiting thread that has waited {@code waited} ns: a pause, then a yield of its core. */
    private static void pause(long waited) {
        if (waited < BUSY_NANOS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Waits for the worker's piece and returns its result, rethrowing its failure. */
    private static <T> T join(FutureTask<T> lane) {
        long start = System.nanoTime();
        for (long waited = 0; !lane.isDone() && waited < SPIN_NANOS; waited = System.nanoTime() - start) {
            pause(waited);
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
