package org.wasserflow.api;

import java.util.Map;
import java.util.Set;

/**
 * A measurement of the generated law against the data, evaluated every {@code run.log_every} iterations on
 * the run's fixed evaluation sets. Metrics are selected by name in a list ({@code metrics=w2,energy,modes})
 * and may report several columns (a value and its data-against-data floor). A metric declares what it needs,
 * and the runner refuses, before training, a metric whose needs the selected laws cannot meet. Metrics may
 * cache what depends only on the fixed sets (a floor) across evaluations of one run.
 */
public interface Metric {

    /** What a metric can need of the evaluation. */
    enum Need {
        /** Labels on the source set (1-NN transfer accuracy). */
        SOURCE_LABELS,
        /** Labels on the data set. */
        DATA_LABELS,
        /** The data law's mixture structure (modes covered, per-mode statistics). */
        MIXTURE,
        /** Source and data sets of equal size (an exact assignment between them). */
        EQUAL_SIZES
    }

    /** Which way a column improves. */
    enum Better {
        /** Lower values are better (a distance). */
        LOWER,
        /** Higher values are better (an accuracy, a coverage). */
        HIGHER,
        /** Neither: a reference value (a floor) or one with a target in between (a ratio to 1). */
        NEITHER
    }

    /** The logical name the metric is registered under, e.g. {@code w2}. */
    String name();

    /** What the metric needs beyond generated and data points; none by default. */
    default Set<Need> needs() {
        return Set.of();
    }

    /**
     * The metric's columns for this evaluation, in a stable order, each named after the metric (e.g.
     * {@code w2} and {@code w2_floor}).
     */
    Map<String, Double> evaluate(Evaluation evaluation);

    /**
     * Which way {@code column} improves, for keeping the best checkpoint ({@code run.keep_best}): lower by
     * default. A metric declares the exceptions among its own columns and answers {@link Better#LOWER} for any
     * other name.
     */
    default Better better(String column) {
        return Better.LOWER;
    }
}
