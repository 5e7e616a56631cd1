package org.wasserflow.runners;

/**
 * A run stopped before its budget, with its checkpoint and provenance written: by a signal (exit status 130 for
 * SIGINT, 143 for SIGTERM) or by divergence ({@link #DIVERGED}). The message is one line for the console.
 */
public final class RunStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The exit status of a run that diverged. */
    public static final int DIVERGED = 3;

    private final int status;

    /**
     * @param status the process's exit status
     * @param message one line saying why and what was kept
     */
    public RunStopped(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The process's exit status. */
    public int status() {
        return status;
    }
}
