package org.wasserflow.runners;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.wasserflow.api.ConfigException;

/**
 * An exclusive OS lock ({@link FileChannel#tryLock()}) on a run or sweep directory, held by one command while it
 * writes there: the file {@code .lock} in the directory holds the holder's pid, command and start time, for the
 * message a second process gets. The lock dies with its process (the file stays, and is taken over by the next
 * command). Not reentrant: within one JVM, a second {@link #acquire} of a held directory is refused like another
 * process's.
 */
public final class RunLock implements Closeable {

    /** The lock file's name in the locked directory. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir}, an existing directory, for {@code command}.
     *
     * @throws ConfigException in one line naming the holder, when another command holds it
     */
    public static RunLock acquire(Path dir, String command) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new ConfigException("run directory", dir + " is in use by another wasserflow command (" + holder
                    + "); wait for it to end or stop it, then try again");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", '" + command + "', since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    /** Locks {@code dir} for {@code command} if {@code file} lies inside it (a command writing into a run); else null. */
    public static RunLock ifInside(Path dir, Path file, String command) throws IOException {
        return file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize()) ? acquire(dir, command) : null;
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        int n = channel.read(buf, 0);
        String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "holder not yet recorded" : text;
    }

    /** Clears the holder record and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
