package org.wasserflow.runners.config;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * {@link Settings} over a resolved key/value map that remembers every key a component read and the
 * value it used (configured or default). After all components are built, {@link #checkAllKeysUsed}
 * rejects keys that no component reads: misspelt or foreign keys fail before training starts, while keys
 * of registered plugins that this run does not select are tolerated (a base file can serve several).
 */
public final class TrackingSettings implements Settings {

    private final SortedMap<String, String> values;
    private final SortedMap<String, String> used = new TreeMap<>();

    public TrackingSettings(Map<String, String> values) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    @Override
    public Optional<String> raw(String key) {
        used.putIfAbsent(key, values.get(key));
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void resolved(String key, Object value) {
        used.put(key, String.valueOf(value));
    }

    /** The configuration as the run used it: every key read, with its configured or default value. */
    public SortedMap<String, String> effective() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(used));
    }

    /** A fresh tracker over the same values, for a dry run that finds which keys other components read. */
    public TrackingSettings copy() {
        return new TrackingSettings(values);
    }

    /** Configured keys that nothing has read so far, sorted. */
    public SortedSet<String> unread() {
        SortedSet<String> out = new TreeSet<>(values.keySet());
        out.removeAll(used.keySet());
        return out;
    }

    /** Every key read so far, sorted. */
    public SortedSet<String> read() {
        return new TreeSet<>(used.keySet());
    }

    /**
     * Fails on the first configured key that no selected component read and that is not in
     * {@code otherPlugins} (keys read by registered but unselected plugins), naming the closest known key.
     *
     * @param selection the selected plugins, for the message, e.g. {@code loss=w2, generator=mlp}
     * @param otherPlugins keys that unselected plugins read
     * @return the configured keys left unread because they belong to unselected plugins
     */
    public SortedSet<String> checkAllKeysUsed(String selection, Set<String> otherPlugins) {
        SortedSet<String> ignored = unread();
        Set<String> unknown = new LinkedHashSet<>(ignored);
        unknown.removeAll(otherPlugins);
        ignored.retainAll(otherPlugins);
        if (unknown.isEmpty()) {
            return ignored;
        }
        String key = unknown.iterator().next();
        Set<String> all = new TreeSet<>(used.keySet());
        all.addAll(otherPlugins);
        List<String> known = List.copyOf(all);
        String nearest = known.stream().min(Comparator.comparingInt(k -> distance(k, key))).orElse("");
        String hint = !nearest.isEmpty() && distance(nearest, key) <= 3 ? " (did you mean '" + nearest + "'?)" : "";
        throw new ConfigException(key, "unknown key '" + key + "' = '" + values.get(key) + "'" + hint
                + ": no registered component reads it (selected: " + selection + "); valid keys: " + known);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
