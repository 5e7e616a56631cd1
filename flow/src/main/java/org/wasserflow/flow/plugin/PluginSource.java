package org.wasserflow.flow.plugin;

import com.google.inject.Module;
import java.util.List;

/**
 * Where plugin modules come from: the runner's class path, or one jar (or folder of jars) of the plugins
 * directory, loaded in its own class loader.
 *
 * @param origin what error messages name: {@code the class path} or the jar's path
 * @param modules the Guice modules its {@code META-INF/services/com.google.inject.Module} lists
 */
public record PluginSource(String origin, List<Module> modules) {

    public PluginSource {
        modules = List.copyOf(modules);
    }
}
