package org.wasserflow.flow.config;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.flow.plugin.Declaration;

/**
 * Checks a resolved configuration against the declared settings before anything is constructed: every key
 * must be declared by the runner or by some registered plugin, selected or not, and every value must be
 * valid. A key declared by a selected plugin must be valid for that plugin's declaration; a key that only
 * unselected plugins declare must be valid for at least one of them (two laws may both declare
 * {@code data.std}). A misspelt key is named with the closest declared key.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /**
     * @param values the configuration, key to text
     * @param declared every declaration by key
     * @param selected whether a declaration is the runner's or a selected plugin's (in the role it fills)
     * @throws ConfigException for the first unknown key or invalid value, in key order
     */
    public static void check(Map<String, String> values, Map<String, List<Declaration>> declared, Predicate<Declaration> selected) {
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            List<Declaration> all = declared.get(e.getKey());
            if (all == null) {
                throw unknown(e.getKey(), e.getValue(), declared.keySet());
            }
            List<Declaration> binding = all.stream().filter(selected).toList();
            if (!binding.isEmpty()) {
                binding.forEach(d -> d.setting().parse(e.getValue()));
            } else if (all.stream().noneMatch(d -> parses(d.setting(), e.getValue()))) {
                all.get(0).setting().parse(e.getValue());
            }
        }
    }

    /** Checks {@code values} against settings that all apply (a command's own keys). */
    public static void check(Map<String, String> values, Map<String, Setting<?>> declared) {
        Map<String, List<Declaration>> all = new java.util.LinkedHashMap<>();
        declared.forEach((k, s) -> all.put(k, List.of(new Declaration(s, null, ""))));
        check(values, all, d -> true);
    }

    /** The settings of {@code groups} by key, for {@link #check(Map, Map)}. */
    public static Map<String, Setting<?>> declared(SettingGroup... groups) {
        Map<String, Setting<?>> out = new java.util.LinkedHashMap<>();
        for (SettingGroup g : groups) {
            g.settings().forEach(s -> out.put(s.key(), s));
        }
        return out;
    }

    private static boolean parses(Setting<?> s, String value) {
        try {
            s.parse(value);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    private static ConfigException unknown(String key, String value, java.util.Set<String> declared) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String nearest = declared.stream().min(Comparator.comparingInt((String k) -> distance.apply(k, key))
                .thenComparing(Comparator.naturalOrder())).orElse("");
        String hint = !nearest.isEmpty() && distance.apply(nearest, key) <= 3 ? " (did you mean '" + nearest + "'?)" : "";
        return new ConfigException(key, "unknown key '" + key + "' = '" + value + "'" + hint
                + ": no registered plugin declares it; 'wasserflow help' lists the plugins and 'wasserflow help <kind> <name>' their keys");
    }
}
