package org.wasserflow.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The descriptor under which a plugin registers an implementation: its kind and logical name, the class the
 * runner constructs (through Guice: an {@code @Inject} constructor taking any of {@link Settings},
 * {@link Seed} and, for estimators, the selected {@link Loss}), the setting groups it reads, the
 * capabilities it provides and requires, for an estimator that belongs to one loss that loss, how much memory its
 * instance will hold ({@link #memory}) and which of its keys to blame when its numbers stop being finite
 * ({@link #blame}). The runner knows every key, default, constraint, requirement and memory part from descriptors
 * alone, without constructing anything. The descriptor is the one place a plugin's name is written: the instances
 * do not repeat it.
 *
 * <p>A plugin's Guice module adds descriptors to the set of plugins:
 * <pre>{@code
 * Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
 * plugins.addBinding().toInstance(Plugin.potential("sinkhorn", SinkhornPotential.class, "entropic OT potential")
 *         .settings(SinkhornConfig.GROUP).requires(Capability.GROUND_COST)
 *         .memory(SinkhornPotential::memory).blame(SinkhornConfig.EPSILON));
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
    private final MemoryEstimator memory;
    private final List<String> blames;

    private Plugin(PluginKind<?> kind, String name, Class<?> implementation, String description, String loss,
            List<SettingGroup> settings, Set<Capability> provides, Set<Capability> requires, MemoryEstimator memory, List<String> blames) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.implementation = Objects.requireNonNull(implementation, "implementation");
        this.description = Objects.requireNonNull(description, "description");
        this.loss = loss;
        this.settings = List.copyOf(settings);
        this.provides = Set.copyOf(provides);
        this.requires = Set.copyOf(requires);
        this.memory = memory;
        this.blames = List.copyOf(blames);
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("plugin name '" + name + "': lower-case letters, digits and inner '-'");
        }
        if (!kind.type().isAssignableFrom(implementation)) {
            throw new IllegalArgumentException(implementation.getName() + " does not implement " + kind.type().getSimpleName());
        }
        for (String key : blames) {
            if (settings.stream().flatMap(g -> g.settings().stream()).noneMatch(s -> s.key().equals(key))) {
                throw new IllegalArgumentException(label() + " blames " + key + ", which none of its setting groups declares"
                        + " (list the groups with settings(...) before blame(...))");
            }
        }
    }

    private Plugin with(String newLoss, List<SettingGroup> newSettings, Set<Capability> newProvides, Set<Capability> newRequires,
            MemoryEstimator newMemory, List<String> newBlames) {
        return new Plugin(kind, name, implementation, description, newLoss, newSettings, newProvides, newRequires, newMemory, newBlames);
    }

    /** A plugin of any kind, e.g. one the runner or a later SPI defines. */
    public static <T> Plugin of(PluginKind<T> kind, String name, Class<? extends T> implementation, String description) {
        return new Plugin(kind, name, implementation, description, null, List.of(), Set.of(), Set.of(), null, List.of());
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
        return with(Objects.requireNonNull(lossName), settings, provides, requires, memory, blames);
    }

    /** This plugin, reading the settings of {@code groups} (its own and shared ones). */
    public Plugin settings(SettingGroup... groups) {
        return with(loss, List.of(groups), provides, requires, memory, blames);
    }

    /** This plugin, providing {@code capabilities} to the others. */
    public Plugin provides(Capability... capabilities) {
        return with(loss, settings, of(capabilities), requires, memory, blames);
    }

    /**
     * This plugin, whose instance holds the memory {@code estimator} reports (its networks, cost matrices,
     * distance blocks); without one the runner counts nothing for it. Required of a plugin with trainable parameters.
     */
    public Plugin memory(MemoryEstimator estimator) {
        return with(loss, settings, provides, requires, Objects.requireNonNull(estimator, "estimator"), blames);
    }

    /**
     * This plugin, naming {@code keys} (in order of likelihood, e.g. its learning rate) as the likely cause when its
     * parameters, diagnostics or outputs stop being finite; each must be declared by a group listed with
     * {@link #settings} before.
     *
     * @throws IllegalArgumentException for a setting none of its groups declares
     */
    public Plugin blame(Setting<?>... keys) {
        List<String> all = new ArrayList<>(blames);
        for (Setting<?> k : keys) {
            all.add(k.key());
        }
        return with(loss, settings, provides, requires, memory, all);
    }

    /**
     * This plugin, requiring {@code capabilities} of the run: of the selected loss or generator, of the batches, of
     * the laws or of the evaluation sets (see {@link Capability}); the runner checks them before training.
     */
    public Plugin requires(Capability... capabilities) {
        return with(loss, settings, provides, of(capabilities), memory, blames);
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

    /** How much memory the plugin's instance holds, if it says. */
    public Optional<MemoryEstimator> memory() {
        return Optional.ofNullable(memory);
    }

    /** The parts {@link #memory()} reports for the plugin's view {@code settings} and the run's {@code shape}; empty without one. */
    public List<MemoryPart> memoryParts(Settings settings, RunShape shape) {
        return memory == null ? List.of() : List.copyOf(memory.parts(settings, shape));
    }

    /** The keys to blame when the plugin's numbers stop being finite, most likely first; empty if it names none. */
    public List<String> blames() {
        return blames;
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
