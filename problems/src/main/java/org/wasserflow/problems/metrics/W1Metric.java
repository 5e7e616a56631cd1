package org.wasserflow.problems.metrics;

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
}
