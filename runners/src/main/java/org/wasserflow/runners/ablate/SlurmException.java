package org.wasserflow.runners.ablate;

/**
 * Slurm refused or could not be reached: the message is one line, Slurm's own words where it gave some,
 * printed as it is (without the exception's class name).
 */
public final class SlurmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SlurmException(String message) {
        super(message);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
