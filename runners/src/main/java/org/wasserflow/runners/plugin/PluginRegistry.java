package org.wasserflow.runners.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.runners.experiment.Experiment;

/**
 * The plugins of a run: every Guice module listed in {@code META-INF/services/com.google.inject.Module} on
 * the class path and in the plugins directory ({@link PluginDirectory}), plus the run's {@link Settings} and
 * {@link Seed}. Components are created on request by
 * logical name; an unknown name fails with the known names. Estimators specific to a loss are registered
 * as {@code <loss>/<name>} and take precedence over generic ones registered as {@code <name>}.
 */
public final class PluginRegistry {

    private final Injector injector;

    private PluginRegistry(Injector injector) {
        this.injector = injector;
    }

    /** The extension points whose names plugins register. */
    private static final List<Class<?>> TYPES = List.of(Loss.class, PotentialEstimator.class, Generator.class, Integrator.class,
            Experiment.class);

    /** Discovers the plugin modules on the class path of {@code loader} and wires them with the run's settings. */
    public static PluginRegistry discover(ClassLoader loader, Settings settings, Seed seed) {
        return discover(PluginDirectory.sources(loader, null), settings, seed);
    }

    /**
     * Wires the modules of every source with the run's settings, in one injector. Only if that fails are the
     * sources wired one by one, to name the culprit: a name registered by two sources (naming both), or a
     * source whose modules cannot be wired on their own.
     */
    public static PluginRegistry discover(List<PluginSource> sources, Settings settings, Seed seed) {
        List<Module> modules = new ArrayList<>();
        sources.forEach(source -> modules.addAll(source.modules()));
        try {
            return new PluginRegistry(Guice.createInjector(withRun(modules, settings, seed)));
        } catch (CreationException e) {
            if (sources.size() > 1) {
                failNamingTheSource(sources, settings, seed);
            }
            throw new ConfigException("plugins.dir", "wiring the plugins failed: " + e.getErrorMessages().iterator().next().getMessage());
        }
    }

    /** Fails naming the source at fault: one that cannot be wired alone, or one registering a name another does. */
    private static void failNamingTheSource(List<PluginSource> sources, Settings settings, Seed seed) {
        Map<String, String> owners = new java.util.HashMap<>();
        for (PluginSource source : sources) {
            Injector alone;
            try {
                alone = Guice.createInjector(withRun(source.modules(), settings, seed));
            } catch (CreationException e) {
                throw new ConfigException("plugins.dir", "wiring " + source.origin() + " failed: "
                        + e.getErrorMessages().iterator().next().getMessage());
            }
            for (Class<?> type : TYPES) {
                for (String name : new PluginRegistry(alone).names(type)) {
                    String key = type.getSimpleName() + " '" + name + "'";
                    String previous = owners.putIfAbsent(key, source.origin());
                    if (previous != null) {
                        throw new ConfigException("plugins.dir", "plugin " + source.origin() + " registers " + key
                                + ", which " + previous + " already registers; rename one of them");
                    }
                }
            }
        }
    }

    /** The plugin modules plus the run's settings and seed, every extension point declared and the selected loss. */
    private static List<Module> withRun(List<Module> plugins, Settings settings, Seed seed) {
        List<Module> modules = new ArrayList<>(plugins);
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Settings.class).toInstance(settings);
                bind(Seed.class).toInstance(seed);
                for (Class<?> type : TYPES) {
                    com.google.inject.multibindings.MapBinder.newMapBinder(binder(), String.class, type);
                }
            }

            /** The selected loss, for estimators that depend on its cost (exact OT, Sinkhorn). */
            @com.google.inject.Provides
            Loss selectedLoss(Map<String, Provider<Loss>> losses) {
                String name = settings.getString("loss", "w2");
                Provider<Loss> p = losses.get(name);
                if (p == null) {
                    throw new ConfigException("loss", name, "one of " + new TreeSet<>(losses.keySet()));
                }
                return p.get();
            }
        });
        return modules;
    }

    /** The loss registered as {@code name}. */
    public Loss loss(String name) {
        return create(Loss.class, "loss", name, name, null);
    }

    /** The estimator {@code name} for {@code loss}: {@code <loss>/<name>} if registered, else {@code <name>}. */
    public PotentialEstimator potential(String loss, String name) {
        Map<String, Provider<PotentialEstimator>> all = providers(PotentialEstimator.class);
        String key = all.containsKey(loss + "/" + name) ? loss + "/" + name : name;
        return create(PotentialEstimator.class, "potential", name, key, loss);
    }

    /** The generator registered as {@code name}. */
    public Generator generator(String name) {
        return create(Generator.class, "generator", name, name, null);
    }

    /** The integrator registered as {@code name}. */
    public Integrator integrator(String name) {
        return create(Integrator.class, "integrator", name, name, null);
    }

    /** The experiment registered as {@code name}. */
    public Experiment experiment(String name) {
        return create(Experiment.class, "experiment", name, name, null);
    }

    /**
     * Instantiates every registered component once, ignoring configuration errors, so that the settings
     * record every key some component reads (a dry run for unknown-key detection).
     */
    public void instantiateAll() {
        for (Class<?> type : TYPES) {
            for (Provider<?> p : providers(type).values()) {
                try {
                    p.get();
                } catch (ProvisionException | ConfigException e) {
                    // a component that rejects this configuration still recorded the keys it read
                }
            }
        }
    }

    /** The names registered for a component type, e.g. {@code w2/neural-dual} for estimators. */
    public <T> TreeSet<String> names(Class<T> type) {
        return new TreeSet<>(providers(type).keySet());
    }

    private <T> T create(Class<T> type, String configKey, String name, String registryKey, String scope) {
        Map<String, Provider<T>> all = providers(type);
        Provider<T> p = all.get(registryKey);
        if (p == null) {
            throw new ConfigException(configKey, name, "one of " + validNames(all.keySet(), scope));
        }
        try {
            return p.get();
        } catch (ProvisionException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConfigException c) {
                    throw c;
                }
            }
            throw e;
        }
    }

    /** Unscoped names, plus the names scoped to {@code scope} (a loss) without their prefix. */
    private static TreeSet<String> validNames(java.util.Set<String> keys, String scope) {
        TreeSet<String> out = new TreeSet<>();
        for (String k : keys) {
            int slash = k.indexOf('/');
            if (slash < 0) {
                out.add(k);
            } else if (k.substring(0, slash).equals(scope)) {
                out.add(k.substring(slash + 1));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> Map<String, Provider<T>> providers(Class<T> type) {
        TypeLiteral<?> literal = TypeLiteral.get(Types.mapOf(String.class, Types.providerOf(type)));
        return (Map<String, Provider<T>>) injector.getInstance(Key.get(literal));
    }
}
