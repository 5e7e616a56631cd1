package org.wasserflow.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One declared configuration key: its full name, type, default, what values are valid and a one-line
 * description, written once where the component that reads it is defined. Settings are immutable: every
 * refinement ({@link #describe}, {@link #atLeast}, ...) returns a new setting. A component lists its settings
 * in {@link SettingGroup}s on its {@link Plugin} descriptor and reads their values through {@link Settings#get}.
 *
 * <pre>{@code
 * static final Setting<Double> EPSILON = Setting.number("sinkhorn.epsilon", 0.01).positive()
 *         .describe("entropic regularisation, in units of the cost");
 * }</pre>
 *
 * @param <T> the value type: {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code String} or
 *     {@code int[]}
 */
public final class Setting<T> {

    /** The word of {@link #numberOrAuto} for a value the component derives. */
    public static final String AUTO = "auto";

    private final String key;
    private final String type;
    private final T defaultValue;
    private final String description;
    private final String valid;
    private final List<String> choices;
    private final Function<String, T> parser;
    private final Predicate<T> constraint;
    private final Function<T, String> formatter;

    private Setting(String key, String type, T defaultValue, String description, String valid, List<String> choices,
            Function<String, T> parser, Predicate<T> constraint, Function<T, String> formatter) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.valid = valid;
        this.choices = List.copyOf(choices);
        this.parser = parser;
        this.constraint = constraint;
        this.formatter = formatter;
        if (!key.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*")) {
            throw new IllegalArgumentException("malformed setting key '" + key + "': dot-separated letters, digits and '_'");
        }
    }

    /** An integer. */
    public static Setting<Integer> integer(String key, int defaultValue) {
        return new Setting<>(key, "integer", defaultValue, "", "an integer", List.of(), s -> Integer.parseInt(s.trim()), v -> true,
                String::valueOf);
    }

    /** A 64-bit integer, e.g. a seed. */
    public static Setting<Long> longInteger(String key, long defaultValue) {
        return new Setting<>(key, "integer", defaultValue, "", "an integer", List.of(), s -> Long.parseLong(s.trim()), v -> true,
                String::valueOf);
    }

    /** A finite real number. */
    public static Setting<Double> number(String key, double defaultValue) {
        return new Setting<>(key, "number", defaultValue, "", "a number", List.of(), s -> {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException("not finite");
            }
            return d;
        }, v -> true, String::valueOf);
    }

    /**
     * A finite real number, or the word {@code auto} (the default), read as {@code NaN}: the component derives the
     * value from what it learns at run time (e.g. the data's dimension), and must record the number it used in the
     * run's provenance. Refine with {@link #constrain}, allowing {@code NaN}.
     */
    public static Setting<Double> numberOrAuto(String key) {
        return new Setting<>(key, "number or auto", Double.NaN, "", "auto or a number", List.of(), s -> {
            if (s.trim().equals(AUTO)) {
                return Double.NaN;
            }
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException("not finite");
            }
            return d;
        }, v -> true, v -> v.isNaN() ? AUTO : String.valueOf(v));
    }

    /** {@code true} or {@code false} (also accepted: yes/no, on/off). */
    public static Setting<Boolean> flag(String key, boolean defaultValue) {
        return new Setting<>(key, "boolean", defaultValue, "", "one of [true, false]", List.of("true", "false"), s ->
                switch (s.trim().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> true;
                    case "false", "no", "off" -> false;
                    default -> throw new IllegalArgumentException("not a boolean");
                }, v -> true, String::valueOf);
    }

    /** One of a fixed set of words, compared exactly. */
    public static Setting<String> choice(String key, String defaultValue, String... choices) {
        List<String> list = List.of(choices);
        if (!list.contains(defaultValue)) {
            throw new IllegalArgumentException("default '" + defaultValue + "' of " + key + " is not among " + list);
        }
        return new Setting<>(key, "choice", defaultValue, "", "one of " + list, list, String::trim, list::contains, v -> v);
    }

    /** Free text (trimmed), e.g. a path or a name; empty is allowed unless constrained. */
    public static Setting<String> text(String key, String defaultValue) {
        return new Setting<>(key, "text", defaultValue, "", "text", List.of(), String::trim, v -> true, v -> v);
    }

    /** A comma-separated list of positive integers, e.g. layer widths {@code 128,128,128}. */
    public static Setting<int[]> positiveInts(String key, int... defaultValue) {
        Function<String, int[]> parse = s -> Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        return new Setting<>(key, "list of integers", defaultValue.clone(), "", "a comma-separated list of positive integers",
                List.of(), parse, v -> v.length > 0 && Arrays.stream(v).allMatch(i -> i > 0),
                v -> Arrays.stream(v).mapToObj(String::valueOf).collect(Collectors.joining(",")));
    }

    /** This setting under another key, with everything else the same (laws' settings are rebased to their role). */
    public Setting<T> withKey(String newKey) {
        return new Setting<>(newKey, type, defaultValue, description, valid, choices, parser, constraint, formatter);
    }

    /** This setting with its one-line description (required before it is declared in a group). */
    public Setting<T> describe(String text) {
        return new Setting<>(key, type, defaultValue, text, valid, choices, parser, constraint, formatter);
    }

    /** This setting restricted to values meeting {@code test}; {@code what} says what is valid, e.g. "a number > 0". */
    public Setting<T> constrain(Predicate<T> test, String what) {
        Predicate<T> both = constraint.and(test);
        return new Setting<>(key, type, defaultValue, description, what, choices, parser, both, formatter);
    }

    /** Numbers and integers: at least {@code min}. */
    public Setting<T> atLeast(double min) {
        return constrain(v -> ((Number) v).doubleValue() >= min, article() + " >= " + plain(min));
    }

    /** Numbers: strictly positive. */
    public Setting<T> positive() {
        return constrain(v -> ((Number) v).doubleValue() > 0, article() + " > 0");
    }

    /** Numbers: in {@code [min, max)} ({@code closedMax} false) or {@code [min, max]}. */
    public Setting<T> between(double min, double max, boolean minOpen, boolean maxOpen) {
        return constrain(v -> {
            double d = ((Number) v).doubleValue();
            return (minOpen ? d > min : d >= min) && (maxOpen ? d < max : d <= max);
        }, article() + " in " + (minOpen ? "(" : "[") + plain(min) + ", " + plain(max) + (maxOpen ? ")" : "]"));
    }

    private String article() {
        return type.equals("number") ? "a number" : "an integer";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The full key, e.g. {@code sinkhorn.epsilon}. */
    public String key() {
        return key;
    }

    /** The type in words, e.g. {@code number}. */
    public String type() {
        return type;
    }

    /** The default value (a copy for lists). */
    @SuppressWarnings("unchecked")
    public T defaultValue() {
        return defaultValue instanceof int[] a ? (T) a.clone() : defaultValue;
    }

    /** The one-line description. */
    public String description() {
        return description;
    }

    /** What is valid, in words, e.g. {@code a number in (0, 1)} or {@code one of [squared, linear]}. */
    public String valid() {
        return valid;
    }

    /** The valid words of a choice or flag; empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    /** The value as configuration text, as {@link #parse} reads it back. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** The default as configuration text. */
    public String formatDefault() {
        return format(defaultValue);
    }

    /**
     * Parses and validates configuration text.
     *
     * @throws ConfigException naming the key, the value and what is valid
     */
    public T parse(String text) {
        T value;
        try {
            value = parser.apply(text);
        } catch (RuntimeException e) {
            throw new ConfigException(key, text, valid);
        }
        if (!constraint.test(value)) {
            throw new ConfigException(key, text.trim(), valid);
        }
        return value;
    }

    /**
     * The value a run uses, as configuration text: {@code text} parsed, validated and formatted back, or the
     * default if {@code text} is null.
     */
    public String resolve(String text) {
        return format(text == null ? defaultValue : parse(text));
    }

    /** Whether the default itself is valid (declarations are checked with it). */
    public boolean defaultIsValid() {
        return constraint.test(defaultValue);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Setting<?> s && key.equals(s.key) && type.equals(s.type) && formatDefault().equals(s.formatDefault())
                && valid.equals(s.valid);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key + " (" + type + ", default " + formatDefault() + ", " + valid + ")";
    }
}
