package org.wasserflow.flow.problem;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;

/**
 * Minibatches from one law on one random stream. A law without a size is sampled afresh each time. A finite
 * law (a data set) is drawn without replacement within an epoch: its rows are shuffled, batches take the
 * next rows of the shuffle, and when the rows run out the next epoch starts with a new shuffle; a batch that
 * crosses the end of an epoch takes the epoch's remaining rows, then the first rows of the next.
 */
final class LawStream {

    private final Law law;
    private final RandomGenerator rng;
    private int[] order;
    private int next;

    LawStream(Law law, RandomGenerator rng) {
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
