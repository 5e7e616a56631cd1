package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.runners.RunLock;

/** A sweep decides whether a run is complete only after the command writing its directory has released it. */
class WriterWaitTest {

    @TempDir
    Path tmp;

    @Test
    void returnsOnlyOnceTheWriterHasReleasedTheDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        AtomicBoolean released = new AtomicBoolean();
        CountDownLatch held = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (RunLock lock = RunLock.acquire(dir, "a finishing run")) {
                held.countDown();
                Thread.sleep(1000);
                Files.writeString(dir.resolve("provenance.properties"), "status = completed\n");
                released.set(true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        held.await();
        WriterWait.untilUnlocked(dir);
        assertTrue(released.get() && Files.exists(dir.resolve("provenance.properties")), "waited for the writer's last file");
        writer.join();
        WriterWait.untilUnlocked(tmp.resolve("no-such-run"));
    }
}
