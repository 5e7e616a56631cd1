package org.wasserflow.api;

import java.util.Objects;

/**
 * One consumer of a run's memory, as a plugin's {@link MemoryEstimator} reports it: the runner sums the parts of
 * the selected plugins and its own, checks them against what the JVM may use before training, and when they do
 * not fit names the key of the largest part on the side that overflows.
 *
 * @param what what it is, in words, for the message ("the potential networks' parameters")
 * @param key the configuration key whose value drives it, the one to change (a key the plugin declares, or one of
 *     the run's keys named in {@link RunShape})
 * @param heap bytes on the JVM heap ({@code double[]}, {@code float[]} and their headers)
 * @param offHeap bytes in ND4J's off-heap arrays
 * @param largestArray entries of its largest single Java array (a Java array holds at most {@code 2^31 - 1})
 */
public record MemoryPart(String what, String key, long heap, long offHeap, long largestArray) {

    /** Checks that {@code what} and {@code key} are named and every size is non-negative. */
    public MemoryPart {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(key, "key");
        if (what.isBlank() || key.isBlank()) {
            throw new IllegalArgumentException("a memory part names what it is and its key: '" + what + "', '" + key + "'");
        }
        if (heap < 0 || offHeap < 0 || largestArray < 0) {
            throw new IllegalArgumentException("negative size in memory part '" + what + "': heap " + heap + ", off-heap " + offHeap
                    + ", largest array " + largestArray);
        }
    }

    /** Bytes on and off the heap together. */
    public long total() {
        return heap + offHeap;
    }
}
