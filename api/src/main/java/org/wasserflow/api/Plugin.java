package org.wasserflow.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The descriptor under which a plugin registers an implementation: its kind and logical name, the class the
 * runner constructs (through Guice: an {@code @Inject} constructor taking any of {@link Settings},
 * {@link Seed} and, for estimators, the selected {@link Loss}), the setting groups it reads, the
 * capabilities it provides and requires, and, for an estimator that belongs to one loss, that loss. The
 * runner knows every key, default and constraint from descriptors alone, without constructing anything.
 *
 * <p>A plugin's Guice module adds descriptors to the set of plugins:
 * <pre>{@code
 * Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
 * plugins.addBinding().toInstance(Plugin.potential("sinkhorn", SinkhornPotential.class, "entropic OT potential")
 *         .settings(SinkhornConfig.GROUP).requires(Capability.GROUND_COST));
 * }</pre>
 * Descriptors are immutable; each refinement returns a new one.
 */
public final class Plugin {

    private final PluginKind<?> kind;
    private final String name;
    private final Class<?> implementation;
    private final String description;
    private final String loss;
    private final List<SettingGroup> settings;
    private final Set<Capability> provides;
    private final Set<Capability> requires;

    private Plugin(PluginKind<?> kind, String name, Class<?> implementation, String description, String loss,
            List<SettingGroup> settings, Set<Capability> provides, Set<Capability> requires) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.implementation = Objects.requireNonNull(implementation, "implementation");
        this.description = Objects.requireNonNull(description, "description");
        this.loss = loss;
        this.settings = List.copyOf(settings);
        this.provides = Set.copyOf(provides);
        this.requires = Set.copyOf(requires);
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("plugin name '" + name + "': lower-case letters, digits and inner '-'");
        }
        if (!kind.type().isAssignableFrom(implementation)) {
            throw new IllegalArgumentException(implementation.getName() + " does not implement " + kind.type().getSimpleName());
        }
    }

    /** A plugin of any kind, e.g. one the runner or a later SPI defines. */
    public static <T> Plugin of(PluginKind<T> kind, String name, Class<? extends T> implementation, String description) {
        return new Plugin(kind, name, implementation, description, null, List.of(), Set.of(), Set.of());
    }

    /** A transport loss selected by {@code loss=<name>}. */
    public static Plugin loss(String name, Class<? extends Loss> implementation, String description) {
        return of(PluginKind.LOSS, name, implementation, description);
    }

    /** A potential estimator selected by {@code potential=<name>}. */
    public static Plugin potential(String name, Class<? extends PotentialEstimator> implementation, String description) {
        return of(PluginKind.POTENTIAL, name, implementation, description);
    }

    /** A generator selected by {@code generator=<name>}. */
    public static Plugin generator(String name, Class<? extends Generator> implementation, String description) {
        return of(PluginKind.GENERATOR, name, implementation, description);
    }

    /** An integrator selected by {@code integrator=<name>}. */
    public static Plugin integrator(String name, Class<? extends Integrator> implementation, String description) {
        return of(PluginKind.INTEGRATOR, name, implementation, description);
    }

    /**
     * This plugin, available only with the loss named {@code lossName} (e.g. a neural dual written for one
     * loss); with it selected, this plugin wins over a generic one of the same name.
     */
    public Plugin forLoss(String lossName) {
        return new Plugin(kind, name, implementation, description, Objects.requireNonNull(lossName), settings, provides, requires);
    }

    /** This plugin, reading the settings of {@code groups} (its own and shared ones). */
    public Plugin settings(SettingGroup... groups) {
        return new Plugin(kind, name, implementation, description, loss, List.of(groups), provides, requires);
    }

    /** This plugin, providing {@code capabilities} to the others. */
    public Plugin provides(Capability... capabilities) {
        return new Plugin(kind, name, implementation, description, loss, settings, of(capabilities), requires);
    }

    /** This plugin, requiring {@code capabilities} of the run. */
    public Plugin requires(Capability... capabilities) {
        return new Plugin(kind, name, implementation, description, loss, settings, provides, of(capabilities));
    }

    private static Set<Capability> of(Capability... c) {
        return c.length == 0 ? Set.of() : EnumSet.copyOf(List.of(c));
    }

    public PluginKind<?> kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Class<?> implementation() {
        return implementation;
    }

    public String description() {
        return description;
    }

    /** The loss this plugin is restricted to, if any. */
    public Optional<String> loss() {
        return Optional.ofNullable(loss);
    }

    public List<SettingGroup> settings() {
        return settings;
    }

    public Set<Capability> provides() {
        return provides;
    }

    public Set<Capability> requires() {
        return requires;
    }

    /** {@code <kind> <name>}, with {@code (loss <loss>)} for a loss-specific plugin. */
    public String label() {
        return kind.key() + " " + name + (loss == null ? "" : " (loss " + loss + ")");
    }

    @Override
    public String toString() {
        return label();
    }
}
