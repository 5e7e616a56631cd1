package org.wasserflow.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings declared together under one key prefix, e.g. the {@code sinkhorn.*} keys of the Sinkhorn potential
 * or the {@code critic.*} network and optimiser keys that the W1 and W2 neural potentials share. A plugin lists
 * the groups it reads on its {@link Plugin} descriptor; a shared group is one object that several
 * descriptors reference, so each key and default is written once. Every setting needs a description, every
 * key must lie under the prefix (the empty prefix holds top-level keys such as {@code loss}) and defaults
 * must be valid; a violation fails when the group is created.
 *
 * @param prefix the keys' common prefix without the dot, e.g. {@code sinkhorn}; empty for top-level keys
 * @param title what the group configures, in a few words, for {@code wasserflow help}
 * @param settings the settings, in the order {@code help} lists them
 */
public record SettingGroup(String prefix, String title, List<Setting<?>> settings) {

    public SettingGroup {
        settings = List.copyOf(settings);
        Map<String, Setting<?>> seen = new LinkedHashMap<>();
        for (Setting<?> s : settings) {
            boolean under = prefix.isEmpty() ? !s.key().contains(".") : s.key().startsWith(prefix + ".");
            if (!under) {
                throw new IllegalArgumentException("setting " + s.key() + " is not under the group prefix '" + prefix + "'");
            }
            if (s.description().isBlank()) {
                throw new IllegalArgumentException("setting " + s.key() + " has no description");
            }
            if (!s.defaultIsValid()) {
                throw new IllegalArgumentException("the default " + s.formatDefault() + " of " + s.key() + " is not " + s.valid());
            }
            if (seen.put(s.key(), s) != null) {
                throw new IllegalArgumentException("setting " + s.key() + " is declared twice in group '" + prefix + "'");
            }
        }
    }

    /** A group of the given settings. */
    public static SettingGroup of(String prefix, String title, Setting<?>... settings) {
        return new SettingGroup(prefix, title, List.of(settings));
    }

    /**
     * This group under another prefix: every key {@code <prefix>.x} becomes {@code <newPrefix>.x}. A law declares
     * its keys under {@link Law#PREFIX} and the runner rebases them to the role it fills ({@code source},
     * {@code data}).
     */
    public SettingGroup rebase(String newPrefix) {
        List<Setting<?>> moved = new ArrayList<>();
        for (Setting<?> s : settings) {
            moved.add(s.withKey(newPrefix + s.key().substring(prefix.length())));
        }
        return new SettingGroup(newPrefix, title, moved);
    }

    /** This group followed by the settings of {@code other}, which must lie under this prefix too. */
    public SettingGroup with(SettingGroup other) {
        List<Setting<?>> all = new ArrayList<>(settings);
        all.addAll(other.settings);
        return new SettingGroup(prefix, title, all);
    }
}
