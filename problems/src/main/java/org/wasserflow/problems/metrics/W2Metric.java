package org.wasserflow.problems.metrics;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import com.google.inject.Inject;

/**
 * {@code w2}: the exact empirical {@code W2 = sqrt(min_sigma mean_i |y_i - x_sigma(i)|^2)} between the
 * generated points and the data, with its data-against-data floor; columns {@code w2} and {@code w2_floor}.
 * See {@link ExactTransportMetric}.
 */
public final class W2Metric extends ExactTransportMetric {

    /** The name this metric is registered under. */
    public static final String NAME = "w2";

    @Inject
    public W2Metric() {
        super(NAME, 2);
    }

    /** Its memory: the cost matrix and the assignment ({@link ExactTransportMetric}). */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        return memory(NAME, shape);
    }
}
