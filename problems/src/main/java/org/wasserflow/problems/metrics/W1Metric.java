package org.wasserflow.problems.metrics;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import com.google.inject.Inject;

/**
 * {@code w1}: the exact empirical {@code W1 = min_sigma mean_i |y_i - x_sigma(i)|} between the generated points
 * and the data, with its data-against-data floor; columns {@code w1} and {@code w1_floor}. See
 * {@link ExactTransportMetric}.
 */
public final class W1Metric extends ExactTransportMetric {

    /** The name this metric is registered under. */
    public static final String NAME = "w1";

    @Inject
    public W1Metric() {
        super(NAME, 1);
    }

    /** Its memory: the cost matrix and the assignment ({@link ExactTransportMetric}). */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        return memory(NAME, shape);
    }
}
