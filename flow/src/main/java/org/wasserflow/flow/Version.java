package org.wasserflow.flow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This wasserflow's version, as the build recorded it ({@code version.properties}), for manifests and provenance. */
public final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} if the build did not record it. */
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
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
