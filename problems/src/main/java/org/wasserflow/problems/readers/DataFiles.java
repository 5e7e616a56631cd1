package org.wasserflow.problems.readers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.wasserflow.api.ConfigException;

/**
 * What every data-file reader shares: resolving and checking a configured path, opening a file that may be
 * gzipped, its SHA-256, and errors in one line that name the configured key and the file
 * ({@code data.path: /abs/x.csv, line 4, column 'b': not a number: 'abc'}).
 */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * The absolute, normalised form of the configured {@code path}, which must name a readable regular file.
     *
     * @param what the kind of file expected, for the message, e.g. {@code "a .npy file"}
     * @throws ConfigException naming {@code key} if the path is empty, missing, not a file or unreadable
     */
    public static Path require(String path, String key, String what) {
        if (path == null || path.isBlank()) {
            throw new ConfigException(key, key + ": no file given (expected the path of " + what + ")");
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new ConfigException(key, key + ": file " + file + " not found (expected " + what + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key, key + ": " + file + " is not a regular file (expected " + what + ")");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(key, key + ": file " + file + " is not readable");
        }
        return file;
    }

    /** {@code file}'s bytes, decompressed if they start with the gzip magic number; the caller closes the stream. */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** The SHA-256 of {@code file}'s bytes as stored (compressed if gzipped), lower-case hex. */
    public static String sha256(Path file, String key) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw unreadable(key, file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** A problem with the contents of {@code file}: {@code <key>: <file>, <where>: <what>} ({@code where} may be empty). */
    public static ConfigException bad(String key, Path file, String where, String what) {
        return new ConfigException(key, key + ": " + file + (where.isEmpty() ? "" : ", " + where) + ": " + what);
    }

    /** An I/O failure while reading {@code file}. */
    public static ConfigException unreadable(String key, Path file, IOException e) {
        return new ConfigException(key, key + ": cannot read " + file + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    /**
     * Moves {@code tmp} onto {@code target}, replacing it: atomically where the file system can, so that a reader
     * sees the old file or the new one, never a part.
     */
    public static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
