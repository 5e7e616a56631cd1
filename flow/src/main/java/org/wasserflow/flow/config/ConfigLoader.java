package org.wasserflow.flow.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.configuration2.AbstractConfiguration;
import org.apache.commons.configuration2.FileBasedConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.interpol.DefaultLookups;
import org.apache.commons.configuration2.interpol.Lookup;
import org.wasserflow.api.ConfigException;

/**
 * Reads an experiment file ({@code .properties}, or {@code .yaml}/{@code .yml}) with Apache Commons
 * Configuration 2 and applies command-line {@code key=value} overrides, which win. Every file is UTF-8 (a file
 * that is not is refused, naming the line). Properties files may {@code include} others; a key set twice takes
 * its last value, so a file overrides what it includes. YAML may nest keys ({@code eval: {data_size: 300}}) or
 * write them dotted ({@code eval.data_size: 300}), not both for one key; YAML lists become comma-separated
 * values. References are resolved by {@link References} after the overrides: {@code ${other.key}},
 * {@code ${sys:...}} and {@code ${env:...}} only, each of which must be defined and not refer back to itself.
 */
public final class ConfigLoader {

    /**
     * @param file the experiment file, or null for defaults only
     * @param overrides {@code key=value} strings
     * @return the resolved key/value map, sorted by key
     * @throws ConfigException for an unreadable or non-UTF-8 file, a malformed override, a key set twice in a
     *     YAML file, or an undefined or circular reference
     */
    public Map<String, String> load(Path file, List<String> overrides) {
        Map<String, String> raw = file == null ? new TreeMap<>() : read(file);
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("argument", o, "key=value");
            }
            raw.put(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
        }
        return References.resolve(raw);
    }

    /** The file's keys, flat and dotted, with their values as written (references unresolved). */
    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config", "config file not found: " + file);
        }
        requireUtf8(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        AbstractConfiguration config;
        try {
            FileBasedConfigurationBuilder<? extends FileBasedConfiguration> builder = yaml
                    ? new FileBasedConfigurationBuilder<>(YAMLConfiguration.class)
                    : new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class);
            builder.configure(new Parameters().fileBased().setFile(file.toFile()).setEncoding(StandardCharsets.UTF_8.name())
                    .setPrefixLookups(safeLookups()));
            config = (AbstractConfiguration) builder.getConfiguration();
        } catch (ConfigurationException e) {
            throw new ConfigException("config", "cannot read config file " + file + ": " + rootMessage(e));
        }
        config.setInterpolator(null);
        Map<String, String> out = new TreeMap<>();
        for (Iterator<String> it = config.getKeys(); it.hasNext();) {
            String key = it.next();
            String flat = yaml ? key.replace("..", ".") : key;
            String previous = out.put(flat, value(config, key, yaml));
            if (previous != null) {
                throw new ConfigException(flat, "config file " + file + " sets '" + flat + "' twice (nested and as a dotted key: '"
                        + previous + "' and '" + out.get(flat) + "'); keep one");
            }
        }
        return out;
    }

    /** Refuses a file whose bytes are not UTF-8, naming the first bad line. */
    private static void requireUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("config", "cannot read config file " + file + ": " + e.getMessage());
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position() && i < bytes.length; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ConfigException("config", "config file " + file + " is not UTF-8 text (line " + line
                    + " holds a byte that is not); save it as UTF-8, e.g. iconv -f latin1 -t utf-8");
        }
    }

    /** The value of a key as written: the last definition wins; a YAML list is joined with commas; empty stays empty. */
    private static String value(AbstractConfiguration config, String key, boolean yaml) {
        List<String> values = config.getList(String.class, key);
        if (values.isEmpty()) {
            return "";
        }
        return yaml ? String.join(",", values) : values.get(values.size() - 1);
    }

    /** The lookups of an {@code include} path: system properties and the environment. */
    private static Map<String, Lookup> safeLookups() {
        return Map.of("sys", DefaultLookups.SYSTEM_PROPERTIES.getLookup(), "env", DefaultLookups.ENVIRONMENT.getLookup());
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
