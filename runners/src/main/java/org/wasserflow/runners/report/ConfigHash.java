package org.wasserflow.runners.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run's results depend on: its resolved configuration less the keys that cannot change its
 * {@code metrics.csv}, and a stable SHA-256 of it. A run directory records the hash in {@code config.sha256}
 * beside {@code config.properties}; a sweep compares the configuration a run on disk was trained with to the one
 * it plans ({@link #differences}).
 *
 * <p>The keys left out ({@link #NOT_RESULTS}): {@code run.out} and {@code run.name} only say where the run
 * directory is (a sweep derives both from its own directory); {@code run.checkpoint_every} and
 * {@code run.keep_checkpoints} only say how much of an interrupted run is kept, since a resumed run's metrics
 * equal an uninterrupted run's bit for bit. Every other key counts, including {@code run.log_every}: it decides
 * which evaluations {@code metrics.csv} holds, hence the report's time to reach the target and its plots, and
 * {@code plugins.dir}, since other plugin jars may compute other results.
 */
public final class ConfigHash {

    /** The resolved keys that do not change a run's results. */
    public static final Set<String> NOT_RESULTS = Set.of("run.out", "run.name", "run.checkpoint_every", "run.keep_checkpoints");

    private ConfigHash() {
    }

    /** The keys of {@code resolved} that the results depend on, sorted. */
    public static SortedMap<String, String> results(Map<String, String> resolved) {
        SortedMap<String, String> out = new TreeMap<>(resolved);
        out.keySet().removeAll(NOT_RESULTS);
        return out;
    }

    /**
     * The SHA-256, in lower-case hex, of the UTF-8 lines {@code key=value\n} of {@link #results} in key order:
     * equal for equal results keys whatever the order or the left-out keys.
     */
    public static String sha256(Map<String, String> resolved) {
        StringBuilder text = new StringBuilder();
        results(resolved).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The results keys whose values differ between {@code before} and {@code after}, each as
     * {@code key old -> new} ({@code (unset)} for a key only one side has), in key order; empty if the results are
     * the same.
     */
    public static List<String> differences(Map<String, String> before, Map<String, String> after) {
        SortedMap<String, String> a = results(before);
        SortedMap<String, String> b = results(after);
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String x = a.getOrDefault(k, "(unset)");
            String y = b.getOrDefault(k, "(unset)");
            if (!x.equals(y)) {
                out.add(k + " " + x + " -> " + y);
            }
        }
        return out;
    }
}
