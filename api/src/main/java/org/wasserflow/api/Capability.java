package org.wasserflow.api;

/**
 * What a plugin provides to, or requires of, the other components of a run: one vocabulary for every kind of
 * plugin. Declared on the {@link Plugin} descriptor ({@link Plugin#provides}, {@link Plugin#requires}) and checked
 * in one place by the runner before the plugin is constructed, so that an impossible combination stops with one
 * line rather than failing mid-run. What the laws provide (labels, a mixture) is asked of the laws themselves
 * ({@link Law#labelled()}, {@link Law#mixture()}), which are constructed first; everything else follows from
 * descriptors and settings.
 */
public enum Capability {

    /** A loss provides a ground cost ({@link Loss#cost()}); a cost-generic estimator requires it of the selected loss. */
    GROUND_COST("a ground cost c(y, x)"),
    /** A generator provides {@link Generator#descend} (it has parameters); {@code flow.update=gan} requires it. */
    DESCEND("gradient steps on its parameters (Generator.descend)"),
    /** An estimator requires generated and data batches of equal size (e.g. an assignment between them). */
    EQUAL_BATCHES("generated and data batches of equal size"),
    /** A generator requires every batch it is given, evaluation included, to have one size (particle mode). */
    FIXED_BATCH("one batch size for training and evaluation"),
    /** A metric requires labels on the source evaluation set (e.g. a 1-NN transfer accuracy). */
    SOURCE_LABELS("labels on the source"),
    /** A metric requires labels on the data evaluation set. */
    DATA_LABELS("labels on the evaluation data"),
    /** A metric requires the data law's mixture structure ({@link Law#mixture()}: modes covered, per-mode statistics). */
    MIXTURE("a Gaussian mixture as data"),
    /**
     * A metric requires modes to judge the generated points by: a mixture data law's components, or else the
     * classes of a labelled evaluation data set (each label's points as one mode).
     */
    MODES("a Gaussian mixture as data or labelled evaluation data"),
    /**
     * A metric requires square grey images as data and evaluation data ({@link Law#imageSide()}), e.g. a digit
     * classifier's features.
     */
    IMAGES("square grey images as data (an image law such as idx)"),
    /**
     * A law requires the run's data law, to fit itself to it (its constructor takes a {@link Law}): it can fill
     * only the source role ({@code gaussian-fit}).
     */
    DATA_TO_FIT("the run's data law to fit itself to, so it can only be the source"),
    /** A metric requires source and data evaluation sets of equal size (an exact assignment between them). */
    EQUAL_EVAL_SIZES("evaluation sets of equal size");

    private final String meaning;

    Capability(String meaning) {
        this.meaning = meaning;
    }

    /** What the capability means, in words, for messages and {@code help}. */
    public String meaning() {
        return meaning;
    }
}
