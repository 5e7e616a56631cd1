package org.wasserflow.flow.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.util.ArrayList;
import java.util.List;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Loss;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;

/**
 * Constructs selected plugins: one Guice injector over every plugin module and the run's {@link Seed}; each
 * plugin is created in a child injector that adds the plugin's own {@link Settings} view and, for
 * estimators, the selected {@link Loss}. Only what a run selects is ever constructed.
 */
public final class PluginRegistry {

    private final Injector injector;

    private PluginRegistry(Injector injector) {
        this.injector = injector;
    }

    /** Wires the modules of every source with the run's seed. */
    public static PluginRegistry wire(List<PluginSource> sources, Seed seed) {
        List<Module> modules = new ArrayList<>();
        sources.forEach(source -> modules.addAll(source.modules()));
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Seed.class).toInstance(seed);
            }
        });
        try {
            return new PluginRegistry(Guice.createInjector(modules));
        } catch (CreationException e) {
            throw new ConfigException("plugins.dir", "wiring the plugins failed: " + e.getErrorMessages().iterator().next().getMessage());
        }
    }

    /**
     * A new instance of {@code plugin}.
     *
     * @param settings the plugin's view of the configuration
     * @param loss the selected loss, offered to the plugin's constructor; null before the loss exists
     */
    public <T> T create(PluginKind<T> kind, Plugin plugin, Settings settings, Loss loss) {
        return create(kind, plugin, settings, loss, null, null);
    }

    /**
     * A new instance of {@code plugin}, offered more of the run to its constructor: the data law (a source law's
     * constructor that takes a {@link Law} receives it: a law fitted to the data, {@code gaussian-fit}) and the run's
     * {@code shape} (its dimension and evaluation sizes, known once the laws are constructed).
     *
     * @param data the constructed data law; null where there is none to offer
     * @param shape the run's shape; null where there is none to offer
     */
    public <T> T create(PluginKind<T> kind, Plugin plugin, Settings settings, Loss loss, Law data, RunShape shape) {
        Injector child = injector.createChildInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Settings.class).toInstance(settings);
                if (loss != null) {
                    bind(Loss.class).toInstance(loss);
                }
                if (data != null) {
                    bind(Law.class).toInstance(data);
                }
                if (shape != null) {
                    bind(RunShape.class).toInstance(shape);
                }
            }
        });
        try {
            return kind.type().cast(child.getInstance(plugin.implementation()));
        } catch (ProvisionException | com.google.inject.ConfigurationException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConfigException c) {
                    throw c;
                }
            }
            throw new IllegalStateException("constructing " + plugin.label() + " (" + plugin.implementation().getName() + ") failed: "
                    + e.getMessage(), e);
        }
    }
}
