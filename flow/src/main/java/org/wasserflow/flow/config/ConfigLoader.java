package org.wasserflow.flow.config;

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
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;
import org.apache.commons.configuration2.interpol.DefaultLookups;
import org.apache.commons.configuration2.interpol.Lookup;
import org.wasserflow.api.ConfigException;

/**
 * Reads an experiment file ({@code .properties}, or {@code .yaml}/{@code .yml}) with Apache Commons
 * Configuration 2 and applies command-line {@code key=value} overrides, which win. Properties files may
 * {@code include} others; a key set twice takes its last value, so a file overrides what it includes.
 * YAML lists become comma-separated values. Interpolation resolves {@code ${other.key}}, {@code ${sys:...}} and
 * {@code ${env:...}} only: the script, url and dns lookups stay disabled.
 */
public final class ConfigLoader {

    /**
     * @param file the experiment file, or null for defaults only
     * @param overrides {@code key=value} strings
     * @return the resolved key/value map, sorted by key
     */
    public Map<String, String> load(Path file, List<String> overrides) {
        AbstractConfiguration config = file == null ? new PropertiesConfiguration() : read(file);
        safeInterpolation(config);
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("argument", o, "key=value");
            }
            config.setProperty(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
        }
        Map<String, String> out = new TreeMap<>();
        for (Iterator<String> it = config.getKeys(); it.hasNext();) {
            String key = it.next();
            out.put(key, value(config, key));
        }
        return out;
    }

    private static AbstractConfiguration read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config", "config file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        try {
            FileBasedConfigurationBuilder<? extends FileBasedConfiguration> builder = yaml
                    ? new FileBasedConfigurationBuilder<>(YAMLConfiguration.class)
                    : new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class);
            builder.configure(new Parameters().fileBased().setFile(file.toFile()).setPrefixLookups(safeLookups()));
            return (AbstractConfiguration) builder.getConfiguration();
        } catch (ConfigurationException e) {
            throw new ConfigException("config", "cannot read config file " + file + ": " + rootMessage(e));
        }
    }

    private static void safeInterpolation(AbstractConfiguration config) {
        ConfigurationInterpolator ci = new ConfigurationInterpolator();
        ci.registerLookups(safeLookups());
        ci.addDefaultLookup(key -> config.containsKey(key) ? value(config, key) : null);
        config.setInterpolator(ci);
    }

    /** The interpolated value of a key: the last definition wins; a YAML list is joined with commas; empty stays empty. */
    private static String value(AbstractConfiguration config, String key) {
        List<String> values = config.getList(String.class, key);
        if (values.isEmpty()) {
            return "";
        }
        return config instanceof YAMLConfiguration ? String.join(",", values) : values.get(values.size() - 1);
    }

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
