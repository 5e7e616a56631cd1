package org.wasserflow.api;

/**
 * A configuration value is missing, malformed or out of range. The message names the key, the bad value
 * and what would be valid, in one line, so that a command line can print it as it is.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the configuration key, e.g. {@code flow.K}
     * @param value the offending value as given
     * @param valid what the key accepts, e.g. {@code "an integer >= 1"} or {@code "one of [w1, w2]"}
     */
    public ConfigException(String key, Object value, String valid) {
        super("invalid value '" + value + "' for key '" + key + "': expected " + valid);
        this.key = key;
    }

    /** For problems that are not about one value, e.g. a missing file; the message is used as it is. */
    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The key at fault. */
    public String key() {
        return key;
    }

    /** Fails with a ConfigException unless {@code ok}. */
    public static void require(boolean ok, String key, Object value, String valid) {
        if (!ok) {
            throw new ConfigException(key, value, valid);
        }
    }
}
