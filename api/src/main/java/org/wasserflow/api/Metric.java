package org.wasserflow.api;

import java.util.Map;

/**
 * A measurement of the generated law against the data, evaluated every {@code run.log_every} iterations on
 * the run's fixed evaluation sets. Metrics are selected by name in a list ({@code metrics=w2,energy,modes})
 * and may report several columns (a value and its data-against-data floor). A metric's descriptor declares what
 * it requires ({@link Plugin#requires} with {@link Capability#SOURCE_LABELS}, {@link Capability#DATA_LABELS},
 * {@link Capability#MIXTURE}, {@link Capability#EQUAL_EVAL_SIZES}), and the runner refuses, before the metric is
 * constructed, a metric whose requirements the selected laws and evaluation sizes cannot meet. Metrics may cache
 * what depends only on the fixed sets (a floor) across evaluations of one run.
 */
public interface Metric {

    /**
     * The metric's columns for this evaluation, in a stable order, each named after the metric's registered name
     * (e.g. {@code w2} and {@code w2_floor}).
     */
    Map<String, Double> evaluate(Evaluation evaluation);
}
