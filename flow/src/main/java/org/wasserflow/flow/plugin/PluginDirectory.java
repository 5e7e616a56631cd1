package org.wasserflow.flow.plugin;

import com.google.inject.Module;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Spi;

/**
 * The plugin sources of a run: the runner's class path, then every jar, and every folder of jars, directly
 * inside the plugins directory ({@code plugins.dir}), each in its own class loader whose parent is the
 * runner's. A plugin jar must declare the SPI version it was built against ({@link Spi#MANIFEST_ATTRIBUTE});
 * a jar built against another version, or whose modules fail to load, is refused with an error naming it.
 */
public final class PluginDirectory {

    private PluginDirectory() {
    }

    /**
     * @param parent the runner's class loader
     * @param dir the plugins directory, or null for the class path alone
     */
    public static List<PluginSource> sources(ClassLoader parent, Path dir) {
        List<PluginSource> out = new ArrayList<>();
        out.add(new PluginSource("the class path", modules(ServiceLoader.load(Module.class, parent), null, "the class path")));
        if (dir == null) {
            return out;
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("plugins.dir", dir.toString(), "an existing directory of plugin jars");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                List<Path> jars = jars(entry);
                if (!jars.isEmpty()) {
                    out.add(load(entry, jars, parent));
                }
            }
        } catch (IOException e) {
            throw new ConfigException("plugins.dir", "cannot list plugins directory " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** The jar itself, or the jars directly inside a folder; nothing for other files. */
    private static List<Path> jars(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> s = Files.list(entry)) {
                return s.filter(PluginDirectory::isJar).sorted().toList();
            }
        }
        return isJar(entry) ? List.of(entry) : List.of();
    }

    private static boolean isJar(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar");
    }

    private static PluginSource load(Path entry, List<Path> jars, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        boolean declared = false;
        for (Path jar : jars) {
            String version = spiVersion(jar);
            if (version != null && !version.trim().equals(String.valueOf(Spi.VERSION))) {
                throw new ConfigException("plugins.dir", "plugin " + jar + " was built against wasserflow SPI version "
                        + version.trim() + ", but this wasserflow provides version " + Spi.VERSION + "; rebuild the plugin");
            }
            declared |= version != null;
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigException("plugins.dir", "bad plugin path " + jar + ": " + e.getMessage());
            }
        }
        if (!declared) {
            throw new ConfigException("plugins.dir", "plugin " + entry + " declares no " + Spi.MANIFEST_ATTRIBUTE
                    + " in its manifest: it was not built as a wasserflow plugin (SPI version " + Spi.VERSION + ")");
        }
        URLClassLoader loader = new URLClassLoader("wasserflow-plugin:" + entry.getFileName(), urls.toArray(URL[]::new), parent);
        return new PluginSource(entry.toString(), modules(ServiceLoader.load(Module.class, loader), loader, entry.toString()));
    }

    /** The manifest's SPI version, or null if the jar declares none. */
    private static String spiVersion(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.getManifest() == null ? null : f.getManifest().getMainAttributes().getValue(Spi.MANIFEST_ATTRIBUTE);
        } catch (IOException e) {
            throw new ConfigException("plugins.dir", "cannot read plugin jar " + jar + ": " + e.getMessage());
        }
    }

    /** The modules the loader's own jars list (not its parent's), instantiated; a failure names the origin. */
    private static List<Module> modules(ServiceLoader<Module> services, ClassLoader own, String origin) {
        List<Module> out = new ArrayList<>();
        try {
            services.stream().filter(p -> own == null || p.type().getClassLoader() == own).forEach(p -> out.add(p.get()));
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new ConfigException("plugins.dir", "plugin " + origin + " failed to load its Guice modules: " + rootMessage(e));
        }
        return out;
    }

    private static String rootMessage(Throwable t) {
        String message = t.toString();
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            message = c.toString();
        }
        return message;
    }
}
