package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The hand-off of {@link TwoLanes}: every call returns its own two results, each piece runs exactly once
 * whether the worker or the caller (taking the piece back) runs it, failures of either piece reach the caller
 * and leave the lanes usable.
 */
class TwoLanesTest {

    private final TwoLanes lanes = new TwoLanes("test", true);

    @Test
    void everyCallReturnsItsOwnResultsAndRunsEachPieceOnce() {
        AtomicInteger firsts = new AtomicInteger();
        AtomicInteger seconds = new AtomicInteger();
        int calls = 20_000;
        for (int i = 0; i < calls; i++) {
            int call = i;
            // alternately no work and some work in the first piece, so that the caller finds the second piece
            // sometimes started by the worker and sometimes not
            TwoLanes.Both<Integer, Integer> both = lanes.both(() -> {
                firsts.incrementAndGet();
                busy(call % 2 == 0 ? 0 : 20_000);
                return call;
            }, () -> {
                seconds.incrementAndGet();
                return -call;
            });
            assertEquals(call, both.first());
            assertEquals(-call, both.second());
        }
        assertEquals(calls, firsts.get());
        assertEquals(calls, seconds.get());
    }

    @Test
    void theWorkerRunsTheSecondPieceWhileTheCallerRunsTheFirst() {
        AtomicBoolean started = new AtomicBoolean();
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        TwoLanes.Both<Boolean, Boolean> both = lanes.both(() -> {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!started.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return started.get();
        }, () -> {
            secondThread.set(Thread.currentThread());
            started.set(true);
            return true;
        });
        assertTrue(both.first(), "the second piece did not start while the first ran");
        assertNotSame(Thread.currentThread(), secondThread.get());
    }

    @Test
    void failuresOfEitherPieceReachTheCallerAndTheLanesStayUsable() {
        IllegalStateException first = assertThrows(IllegalStateException.class,
                () -> lanes.both(() -> { throw new IllegalStateException("first"); }, () -> 2));
        assertEquals("first", first.getMessage());
        for (int work : new int[] {0, 200_000}) {
            IllegalArgumentException second = assertThrows(IllegalArgumentException.class, () -> lanes.both(() -> {
                busy(work);
                return 1;
            }, () -> { throw new IllegalArgumentException("second"); }));
            assertEquals("second", second.getMessage());
        }
        TwoLanes.Both<Integer, Integer> after = lanes.both(() -> 1, () -> 2);
        assertEquals(1, after.first());
        assertEquals(2, after.second());
    }

    @Test
    void oneThreadRunsBothPiecesOnTheCaller() {
        TwoLanes sequential = new TwoLanes("test-sequential", false);
        Thread caller = Thread.currentThread();
        TwoLanes.Both<Thread, Thread> both = sequential.both(Thread::currentThread, Thread::currentThread);
        assertEquals(caller, both.first());
        assertEquals(caller, both.second());
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
