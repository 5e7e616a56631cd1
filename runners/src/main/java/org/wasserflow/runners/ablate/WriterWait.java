package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.runners.RunLock;

/**
 * Waits until no command holds a run directory's {@link RunLock}: after a sweep is interrupted, a task of its
 * cancelled job can outlive the job in the queue by the seconds it takes to write its final files, and whether
 * the run is complete is known only when it has ended.
 */
final class WriterWait {

    private static final Logger LOG = LoggerFactory.getLogger(WriterWait.class);
    /** How long a leftover writer is waited for before the sweep gives up with the lock's message. */
    private static final long LIMIT_NANOS = 120_000_000_000L;

    private WriterWait() {
    }

    /**
     * Returns once {@code dir} (if it exists) is not locked by another process.
     *
     * @throws ConfigException naming the holder, when it still holds the lock after two minutes
     */
    static void untilUnlocked(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long deadline = System.nanoTime() + LIMIT_NANOS;
        boolean told = false;
        while (true) {
            try (RunLock lock = RunLock.acquire(dir, "wasserflow ablate (checking whether the run is complete)")) {
                return;
            } catch (ConfigException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                if (!told) {
                    LOG.info("waiting for the command that still writes {} to end", dir);
                    told = true;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + dir + " to be released", e);
            }
        }
    }
}
