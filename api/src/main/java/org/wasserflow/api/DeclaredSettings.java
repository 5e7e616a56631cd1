package org.wasserflow.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** {@link Settings#of}: values parsed up front for the declared settings only. */
final class DeclaredSettings implements Settings {

    private final Map<String, Setting<?>> declared = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> configuredKeys = new LinkedHashMap<>();

    DeclaredSettings(Map<String, String> raw, Collection<SettingGroup> groups, String declaredPrefix, String rolePrefix) {
        for (SettingGroup declaredGroup : groups) {
            boolean move = !declaredPrefix.isEmpty() && declaredGroup.prefix().equals(declaredPrefix);
            SettingGroup g = move ? declaredGroup.rebase(rolePrefix) : declaredGroup;
            for (int i = 0; i < g.settings().size(); i++) {
                Setting<?> s = declaredGroup.settings().get(i);
                Setting<?> configured = g.settings().get(i);
                Setting<?> previous = declared.putIfAbsent(s.key(), s);
                if (previous != null && !previous.equals(s)) {
                    throw new IllegalArgumentException("setting " + s.key() + " is declared twice, differently: " + previous + " and " + s);
                }
                configuredKeys.putIfAbsent(s.key(), configured.key());
                String text = raw.get(configured.key());
                values.put(s.key(), text == null ? configured.defaultValue() : configured.parse(text));
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Setting<?> mine = declared.get(setting.key());
        if (mine == null || !mine.equals(setting)) {
            throw new IllegalStateException("setting '" + setting.key() + "' is not declared by this component (it declares "
                    + new TreeSet<>(declared.keySet()) + "); list its group on the plugin's descriptor");
        }
        Object v = values.get(setting.key());
        return v instanceof int[] a ? (T) a.clone() : (T) v;
    }

    /** The rebased key for a setting of a moved group, else the declared key. */
    @Override
    public String keyOf(Setting<?> setting) {
        return configuredKeys.getOrDefault(setting.key(), setting.key());
    }
}
