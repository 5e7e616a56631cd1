package org.wasserflow.api;

/**
 * The run's seed. Components derive their own independent streams from it by name, so that adding a
 * component never shifts another component's random numbers.
 *
 * @param value the seed given in the run's configuration
 */
public record Seed(long value) {

    /** A seed for the named stream, e.g. {@code derive("critic.init")}; a pure function of both inputs. */
    public long derive(String stream) {
        long h = value ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < stream.length(); i++) {
            h = mix(h + stream.charAt(i));
        }
        return mix(h);
    }

    /** A fresh stream for the named purpose, seeded by {@link #derive}; its state can be checkpointed. */
    public SeededStream stream(String name) {
        return new SeededStream(derive(name));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
