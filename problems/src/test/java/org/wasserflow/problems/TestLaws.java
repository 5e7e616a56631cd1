package org.wasserflow.problems;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;

/** Helpers for the law tests: building a law for a role, fixture paths, and checking refusals. */
final class TestLaws {

    /** The role the tests fill, so that errors must name {@code data.*} keys. */
    static final String ROLE = "data";

    private TestLaws() {
    }

    /** The view a law gets in the role {@value #ROLE} of {@code keyValues} ({@code "data.path", "x.csv", ...}). */
    static Settings settings(Plugin plugin, String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.rebased(values, plugin.settings(), Law.PREFIX, ROLE);
    }

    /** A test resource as a file. */
    static Path fixture(String name) {
        try {
            return Path.of(TestLaws.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /**
     * Asserts that constructing a law from {@code keyValues} fails with a ConfigException for {@code key}
     * whose one-line message names the key and contains every one of {@code fragments}.
     */
    static ConfigException refused(Function<Settings, Law> law, Plugin plugin, String key, String[] keyValues, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> law.apply(settings(plugin, keyValues)));
        assertTrue(key.equals(e.key()), "the error is about " + key + ", not " + e.key() + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith(key + ": ") || e.getMessage().contains("'" + key + "'"), "names " + key + ": " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "the message contains '" + f + "': " + e.getMessage());
        }
        return e;
    }

    /** {@code keyValues} as an array, for {@link #refused}. */
    static String[] with(String... keyValues) {
        return keyValues;
    }
}
