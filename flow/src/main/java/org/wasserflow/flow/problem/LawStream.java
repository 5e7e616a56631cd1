package org.wasserflow.flow.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.api.SeededStream;

/**
 * Minibatches from one law on one random stream. A law without a size is sampled afresh each time. A finite
 * law (a data set) is drawn without replacement within an epoch: its rows are shuffled, batches take the
 * next rows of the shuffle, and when the rows run out the next epoch starts with a new shuffle; a batch that
 * crosses the end of an epoch takes the epoch's remaining rows, then the first rows of the next.
 */
final class LawStream {

    private final Law law;
    private final SeededStream rng;
    private int[] order;
    private int next;

    LawStream(Law law, SeededStream rng) {
        this.law = law;
        this.rng = rng;
    }

    /** The next {@code m} points. */
    INDArray next(int m) {
        return nextSample(m).points();
    }

    /** The next {@code m} points with their labels. */
    Sample nextSample(int m) {
        if (law.size().isEmpty()) {
            return law.sample(m, rng);
        }
        int[] indices = new int[m];
        for (int i = 0; i < m; i++) {
            if (order == null || next == order.length) {
                order = shuffle(law.size().getAsInt());
                next = 0;
            }
            indices[i] = order[next++];
        }
        return law.rows(indices);
    }

    /** The stream's state: the random stream ({@code rng}) and, for a finite law, the epoch's shuffle and position. */
    Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put("rng", Nd4j.createFromArray(rng.state()));
        if (order != null) {
            out.put("order", Nd4j.createFromArray(order));
            out.put("next", Nd4j.createFromArray(next));
        }
        return out;
    }

    /** Continues from what {@link #state} returned. */
    void restore(Map<String, INDArray> state) {
        rng.restore(state.get("rng").getLong(0));
        order = state.containsKey("order") ? state.get("order").toIntVector() : null;
        next = state.containsKey("next") ? state.get("next").getInt(0) : 0;
    }

    private int[] shuffle(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
