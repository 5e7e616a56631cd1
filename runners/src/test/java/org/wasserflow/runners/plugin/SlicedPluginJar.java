package org.wasserflow.runners.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.wasserflow.api.Spi;

/**
 * The example plugin {@code plugins/sliced-w2} (or another plugin's {@code src/main}, e.g. a template under
 * {@code examples/}), which is not on the runner's class path, compiled against the test class path into a folder,
 * and packed into jars for the tests that drop it into a plugins directory.
 */
public final class SlicedPluginJar {

    private static final Path SOURCES = Path.of("..", "plugins", "sliced-w2", "src", "main");

    private final Path classes;

    private SlicedPluginJar(Path classes) {
        this.classes = classes;
    }

    /** Compiles the plugin's sources into {@code dir}/classes. */
    public static SlicedPluginJar compile(Path dir) throws IOException {
        return compile(SOURCES, dir);
    }

    /** Compiles the plugin whose {@code src/main} is {@code sources} (its {@code java} and {@code resources}) into {@code dir}/classes. */
    public static SlicedPluginJar compile(Path sources, Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17"));
        try (Stream<Path> s = Files.walk(sources.resolve("java"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the example plugin compiles against the SPI");
        Path services = sources.resolve("resources/META-INF/services/com.google.inject.Module");
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.copy(services, classes.resolve("META-INF/services/com.google.inject.Module"));
        return new SlicedPluginJar(classes);
    }

    /** Packs the plugin built against this SPI version into {@code file}. */
    public Path jar(Path file) throws IOException {
        return jar(file, String.valueOf(Spi.VERSION), null);
    }

    /** Packs the plugin, with {@code version} as its SPI version (none if null) and optionally one more listed module. */
    public Path jar(Path file, String version, String extraService) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (version != null) {
            mf.getMainAttributes().putValue(Spi.MANIFEST_ATTRIBUTE, version);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, mf);
                Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                jar.putNextEntry(new JarEntry(name));
                byte[] bytes = Files.readAllBytes(p);
                if (extraService != null && name.equals("META-INF/services/com.google.inject.Module")) {
                    bytes = (new String(bytes) + extraService + "\n").getBytes();
                }
                jar.write(bytes);
                jar.closeEntry();
            }
        }
        return file;
    }
}
