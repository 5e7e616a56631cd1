package org.wasserflow.nn;

import java.util.HashMap;
import java.util.Map;

/**
 * One reusable {@link Tape} per named role (e.g. "own", "interpolant") and batch size for a network, so
 * that repeated training steps allocate no large buffers. Not thread-safe; one owner.
 */
public final class Tapes {

    private final Mlp net;
    private final Map<String, Tape> byRole = new HashMap<>();

    public Tapes(Mlp net) {
        this.net = net;
    }

    /** The tape for {@code role} with {@code rows} rows, created on first use or when the size changes. */
    public Tape get(String role, int rows) {
        Tape t = byRole.get(role);
        if (t == null || t.rows() != rows) {
            t = net.newTape(rows);
            byRole.put(role, t);
        }
        return t;
    }
}
