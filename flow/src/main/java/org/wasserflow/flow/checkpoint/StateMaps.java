package org.wasserflow.flow.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The named arrays of components' states, nested under prefixes in one checkpoint ({@code generator.net.parameters}). */
public final class StateMaps {

    private StateMaps() {
    }

    /** {@code state}'s entries under {@code prefix} added to {@code into}. */
    public static void putPrefixed(Map<String, INDArray> into, String prefix, Map<String, INDArray> state) {
        state.forEach((k, v) -> into.put(prefix + k, v));
    }

    /** The entries of {@code state} whose names start with {@code prefix}, without it. */
    public static Map<String, INDArray> within(Map<String, INDArray> state, String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
