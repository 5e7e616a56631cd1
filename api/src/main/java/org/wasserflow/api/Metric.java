package org.wasserflow.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A measurement of the generated law against the data, evaluated every {@code run.log_every} iterations on
 * the run's fixed evaluation sets. Metrics are selected by name in a list ({@code metrics=w2,energy,modes})
 * and may report several columns (a value and its data-against-data floor). A metric's descriptor declares what
 * it requires ({@link Plugin#requires} with {@link Capability#SOURCE_LABELS}, {@link Capability#DATA_LABELS},
 * {@link Capability#MIXTURE}, {@link Capability#EQUAL_EVAL_SIZES}), and the runner refuses, before the metric is
 * constructed, a metric whose requirements the selected laws and evaluation sizes cannot meet. Metrics may cache
 * what depends only on the fixed sets (a floor) across evaluations of one run. At the end of a run each metric
 * says in words what its last columns mean ({@link #verdict}), and the runner joins the phrases into the run's
 * verdict line.
 */
public interface Metric {

    /** Which way a column improves. */
    enum Better {
        /** Lower values are better (a distance). */
        LOWER,
        /** Higher values are better (an accuracy, a coverage). */
        HIGHER,
        /** Neither: a reference value (a floor) or one with a target in between (a ratio to 1). */
        NEITHER
    }

    /**
     * The metric's columns for this evaluation, in a stable order, each named after the metric's registered name
     * (e.g. {@code w2} and {@code w2_floor}).
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

    /**
     * What a run's provenance should record about this metric beyond its settings (e.g. the file, key and test
     * accuracy of a trained classifier it uses), keys relative to the metric; the runner writes them under
     * {@code metrics.<name>.}. Empty by default.
     */
    default Map<String, String> provenance() {
        return Map.of();
    }

    /**
     * This metric's phrase in the run's verdict, in words, from {@code row}: the columns of the run's last
     * evaluation (every metric's; a metric reads its own); empty when it has nothing to say. {@code name} is the
     * name the metric is registered under (its descriptor's). By default, a metric with columns {@code <name>} and
     * {@code <name>_floor} ({@code -} in the name read as {@code _}, as in {@code sliced_w2} of {@code sliced-w2})
     * says how its value compares with its floor ({@link #againstFloor}), labelled with its name, and any other
     * says nothing.
     */
    default Optional<String> verdict(String name, Map<String, Double> row) {
        String column = name.replace('-', '_');
        Double value = row.get(column);
        Double floor = row.get(column + "_floor");
        return value == null || floor == null ? Optional.empty() : Optional.of(againstFloor(name, value, floor));
    }

    /**
     * How {@code value}, a distance-like statistic that is lower for a better fit, compares with {@code floor},
     * the same statistic between two data sets drawn as the evaluation sets are (about what a perfect generator scores
     * on these sets; docs/running.md says when it differs): {@code <label> 4.1x its floor}, followed by
     * {@code (at the floor)} when the ratio is at most {@value #AT_FLOOR} and {@code (well above)} when it is at
     * least {@value #WELL_ABOVE}. A floor of 0 or below (an unbiased statistic can be) gives
     * {@code <label> 0.0123 against a floor of 0}, or {@code <label> at its floor} when the value is not above 0;
     * a value that is not a number gives {@code <label> not a number}.
     */
    static String againstFloor(String label, double value, double floor) {
        if (Double.isNaN(value) || Double.isNaN(floor)) {
            return label + " not a number";
        }
        if (floor <= 0) {
            return value <= 0 ? label + " at its floor" : String.format(Locale.ROOT, "%s %.3g against a floor of 0", label, value);
        }
        double ratio = value / floor;
        String words = ratio <= AT_FLOOR ? " (at the floor)" : ratio >= WELL_ABOVE ? " (well above)" : "";
        return String.format(Locale.ROOT, "%s %.1fx its floor%s", label, ratio, words);
    }

    /** A statistic at most this many times its floor is {@code at the floor} in a verdict. */
    double AT_FLOOR = 1.25;

    /** A statistic at least this many times its floor is {@code well above} it in a verdict. */
    double WELL_ABOVE = 3;
}
