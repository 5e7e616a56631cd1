package org.wasserflow.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of an experiment's resolved configuration, from which each component builds its own
 * typed, immutable config record. Every typed getter fails with a {@link ConfigException} naming the key,
 * the bad value and what is valid. Implementations record which keys were read, so that keys nobody reads
 * can be reported as unknown before training starts.
 */
public interface Settings {

    /** The raw string value of {@code key}, if set. */
    Optional<String> raw(String key);

    /**
     * Called by every typed getter with the value it returns (the configured one or the default), so that
     * an implementation can record the fully resolved configuration. Does nothing by default.
     */
    default void resolved(String key, Object value) {
    }

    private <T> T record(String key, T value) {
        resolved(key, value instanceof int[] a ? Arrays.stream(a).mapToObj(String::valueOf).collect(
                java.util.stream.Collectors.joining(",")) : value);
        return value;
    }

    default String getString(String key, String defaultValue) {
        return record(key, raw(key).map(String::trim).orElse(defaultValue));
    }

    default int getInt(String key, int defaultValue) {
        return record(key, raw(key).map(v -> parse(key, v, "an integer", s -> Integer.parseInt(s.trim()))).orElse(defaultValue));
    }

    default long getLong(String key, long defaultValue) {
        return record(key, raw(key).map(v -> parse(key, v, "an integer", s -> Long.parseLong(s.trim()))).orElse(defaultValue));
    }

    default double getDouble(String key, double defaultValue) {
        return record(key, raw(key).map(v -> parse(key, v, "a number", s -> {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        })).orElse(defaultValue));
    }

    default boolean getBoolean(String key, boolean defaultValue) {
        return record(key, raw(key).map(v -> switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(key, v, "one of [true, false]");
        }).orElse(defaultValue));
    }

    /** A comma-separated list of positive integers, e.g. layer widths {@code 128,128,128}. */
    default int[] getPositiveInts(String key, int... defaultValue) {
        return record(key, raw(key).map(v -> parse(key, v, "a comma-separated list of positive integers", s -> {
            int[] out = Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (out.length == 0 || Arrays.stream(out).anyMatch(i -> i <= 0)) {
                throw new NumberFormatException();
            }
            return out;
        })).orElse(defaultValue.clone()));
    }

    /** One of a fixed set of choices, compared exactly. */
    default String getChoice(String key, String defaultValue, List<String> choices) {
        String v = raw(key).map(String::trim).orElse(defaultValue);
        if (!choices.contains(v)) {
            throw new ConfigException(key, v, "one of " + choices);
        }
        return record(key, v);
    }

    private static <T> T parse(String key, String value, String expected, java.util.function.Function<String, T> f) {
        try {
            return f.apply(value);
        } catch (RuntimeException e) {
            throw new ConfigException(key, value, expected);
        }
    }
}
