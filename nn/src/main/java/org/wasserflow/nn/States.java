package org.wasserflow.nn;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Helpers for the named arrays that components save in checkpoints and restore from. */
public final class States {

    private States() {
    }

    /**
     * The array saved as {@code name}, which must have {@code shape}.
     *
     * @throws IllegalArgumentException naming the entry when it is missing or has another shape
     */
    public static INDArray require(Map<String, INDArray> state, String name, long[] shape) {
        INDArray a = state.get(name);
        if (a == null) {
            throw new IllegalArgumentException("the checkpoint has no entry '" + name + "' (it has " + new java.util.TreeSet<>(state.keySet()) + ")");
        }
        if (a.length() != Arrays.stream(shape).reduce(1, (x, y) -> x * y)) {
            throw new IllegalArgumentException("checkpoint entry '" + name + "' has shape " + Arrays.toString(a.shape()) + ", expected "
                    + Arrays.toString(shape) + ": it was saved from another configuration");
        }
        return a.reshape(shape);
    }

    /** The state of an ND4J random generator: its root and node states, {@code [2]} longs. */
    public static INDArray of(Random rng) {
        return Nd4j.createFromArray(rng.rootState(), rng.nodeState());
    }

    /** Continues {@code rng} from a state that {@link #of} returned. */
    public static void restore(Random rng, INDArray state) {
        rng.setStates(state.getLong(0), state.getLong(1));
    }
}
