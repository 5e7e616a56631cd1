package org.wasserflow.api;

import java.util.Collection;
import java.util.Map;

/**
 * The values of the settings one component declared: its own prefix view of the run's configuration. Every
 * value was parsed and validated against its {@link Setting} before any component was constructed; absent
 * keys read as their defaults. Asking for a setting the component did not declare on its {@link Plugin}
 * descriptor is a programming error and fails, so that a component cannot silently depend on another
 * component's keys.
 */
public interface Settings {

    /**
     * The configured value of {@code setting}, or its default.
     *
     * @throws IllegalStateException if the component did not declare {@code setting}
     */
    <T> T get(Setting<T> setting);

    /**
     * The key under which {@code setting} is configured, for error messages: the declared key itself, or, in a
     * rebased view ({@link #rebased}), the role's key ({@code law.path} read as {@code data.path} names
     * {@code data.path}).
     */
    default String keyOf(Setting<?> setting) {
        return setting.key();
    }

    /**
     * A view of {@code values} for a component that declares {@code groups}: every value of those groups is
     * validated now; keys of {@code values} outside the groups are not this view's business (the runner rejects
     * keys nobody declares).
     *
     * @throws ConfigException for the first invalid value, naming the key, the value and what is valid
     */
    static Settings of(Map<String, String> values, Collection<SettingGroup> groups) {
        return new DeclaredSettings(values, groups, "", "");
    }

    /**
     * The view of a plugin whose groups are declared under {@code declaredPrefix} and configured under
     * {@code rolePrefix} (a law filling the role {@code source} reads {@code law.std} from {@code source.std});
     * errors name the configured key.
     */
    static Settings rebased(Map<String, String> values, Collection<SettingGroup> groups, String declaredPrefix, String rolePrefix) {
        return new DeclaredSettings(values, groups, declaredPrefix, rolePrefix);
    }
}
