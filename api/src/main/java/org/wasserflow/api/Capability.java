package org.wasserflow.api;

/**
 * What a plugin provides to, or requires of, the other components of a run. Declared on the {@link Plugin}
 * descriptor and checked against the configuration before anything is trained, so that an impossible
 * combination stops with one line rather than failing mid-run.
 */
public enum Capability {

    /** A loss provides a ground cost ({@link Loss#cost()}); a cost-generic estimator requires it of the selected loss. */
    GROUND_COST("a ground cost c(y, x)"),
    /** A generator provides {@link Generator#descend} (it has parameters); {@code flow.update=gan} requires it. */
    DESCEND("gradient steps on its parameters (Generator.descend)"),
    /** An estimator requires generated and data batches of equal size (e.g. an assignment between them). */
    EQUAL_BATCHES("generated and data batches of equal size"),
    /** A generator requires every batch it is given, evaluation included, to have one size (particle mode). */
    FIXED_BATCH("one batch size for training and evaluation");

    private final String meaning;

    Capability(String meaning) {
        this.meaning = meaning;
    }

    /** What the capability means, in words, for messages and {@code help}. */
    public String meaning() {
        return meaning;
    }
}
