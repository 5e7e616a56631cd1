package org.wasserflow.api;

import java.util.random.RandomGenerator;

/**
 * A random stream whose whole state is one {@code long}, so that checkpoints can save and restore it: the
 * SplitMix64 generator, drawing exactly what {@link java.util.SplittableRandom} draws from the same seed
 * (same {@code nextLong}, {@code nextInt}, {@code nextInt(bound)}, {@code nextDouble}). Not thread-safe.
 */
public final class SeededStream implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** A stream starting at {@code seed}, like {@code new SplittableRandom(seed)}. */
    public SeededStream(long seed) {
        this.state = seed;
    }

    /** The state: the stream continues from it after {@link #restore}. */
    public long state() {
        return state;
    }

    /** Continues from a state that {@link #state} returned. */
    public void restore(long saved) {
        this.state = saved;
    }

    @Override
    public long nextLong() {
        return mix64(state += GOLDEN_GAMMA);
    }

    @Override
    public int nextInt() {
        return mix32(state += GOLDEN_GAMMA);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
