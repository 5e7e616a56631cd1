package org.wasserflow.flow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The wasserflow version, read from {@code org/wasserflow/flow/version.properties}, which Maven fills with the
 * project version when it processes the resources (so it holds in tests run from the build directories as in
 * the packaged jar). The one source of {@code version.wasserflow} in checkpoint manifests and provenance.
 */
public final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} only if the resource is missing from the class path. */
    public static String wasserflow() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
