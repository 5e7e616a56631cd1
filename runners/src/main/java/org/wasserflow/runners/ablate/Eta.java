package org.wasserflow.runners.ablate;

/** Formats the time left of a sweep for progress lines. */
final class Eta {

    private Eta() {
    }

    /** {@code 42 s} or {@code 3 min 5 s}. */
    static String format(double seconds) {
        long t = Math.round(seconds);
        return t >= 60 ? (t / 60) + " min " + (t % 60) + " s" : t + " s";
    }
}
