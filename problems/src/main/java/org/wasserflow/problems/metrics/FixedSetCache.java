package org.wasserflow.problems.metrics;

import java.util.function.Supplier;

/**
 * A value that depends only on some of a run's fixed evaluation sets (a floor, a baseline), computed on first
 * use and kept while the same set objects are passed again. The sets are compared by identity: the runner
 * draws its evaluation sets once and passes the same {@code Sample} objects at every evaluation of a run, and
 * never modifies them; an evaluation with other set objects recomputes the value, so a metric instance never
 * reports a value stale for the sets it is given.
 *
 * @param <V> the cached value
 */
final class FixedSetCache<V> {

    private Object[] key;
    private Object token;
    private V value;

    /** The value for {@code sets} (compared by identity), from {@code compute} unless the last call had the same sets. */
    synchronized V get(Supplier<V> compute, Object... sets) {
        return keyed(null, compute, sets);
    }

    /**
     * The value for {@code sets} (compared by identity) and {@code token} (compared by value, arrays by content:
     * e.g. the projection directions or a seed the value was computed with), from {@code compute} unless the
     * last call had the same sets and an equal token.
     */
    synchronized V keyed(Object token, Supplier<V> compute, Object... sets) {
        if (!sameAsKey(sets) || !java.util.Objects.deepEquals(this.token, token)) {
            value = compute.get();
            key = sets.clone();
            this.token = token;
        }
        return value;
    }

    private boolean sameAsKey(Object[] sets) {
        if (key == null || key.length != sets.length) {
            return false;
        }
        for (int i = 0; i < sets.length; i++) {
            if (key[i] != sets[i]) {
                return false;
            }
        }
        return true;
    }
}
