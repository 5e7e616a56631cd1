package org.wasserflow.runners.config;

import java.util.Comparator;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Setting;

/**
 * Checks a resolved configuration against the declared settings before anything is constructed: every key
 * must be declared by the runner or by some registered plugin, selected or not, and every value must be
 * valid for its declaration. A misspelt key is named with the closest declared key.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /**
     * @param values the configuration, key to text
     * @param declared every declared setting by key
     * @throws ConfigException for the first unknown key or invalid value, in key order
     */
    public static void check(Map<String, String> values, Map<String, Setting<?>> declared) {
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(values).entrySet()) {
            Setting<?> s = declared.get(e.getKey());
            if (s == null) {
                throw unknown(e.getKey(), e.getValue(), declared);
            }
            s.parse(e.getValue());
        }
    }

    /** The settings of {@code groups} by key, for {@link #check}. */
    public static Map<String, Setting<?>> declared(org.wasserflow.api.SettingGroup... groups) {
        Map<String, Setting<?>> out = new java.util.LinkedHashMap<>();
        for (org.wasserflow.api.SettingGroup g : groups) {
            g.settings().forEach(s -> out.put(s.key(), s));
        }
        return out;
    }

    private static ConfigException unknown(String key, String value, Map<String, Setting<?>> declared) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String nearest = declared.keySet().stream().min(Comparator.comparingInt((String k) -> distance.apply(k, key))
                .thenComparing(Comparator.naturalOrder())).orElse("");
        String hint = !nearest.isEmpty() && distance.apply(nearest, key) <= 3 ? " (did you mean '" + nearest + "'?)" : "";
        return new ConfigException(key, "unknown key '" + key + "' = '" + value + "'" + hint
                + ": no registered plugin declares it; 'wasserflow help' lists the plugins and 'wasserflow help <kind> <name>' their keys");
    }
}
