package org.wasserflow.problems.digits;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.wasserflow.api.ConfigException;
import org.wasserflow.problems.readers.DataFiles;

/**
 * The file format of a cached {@link DigitClassifier}: the four bytes {@code WFDC}, the format version
 * ({@value #FORMAT}, an int), a header of {@code key = value} lines (Java properties, UTF-8, length-prefixed by an
 * int) and the flat float parameters (an int count, then the floats big-endian, so a load is bit-exact). The
 * header records the cache key, the SHA-256 of the training and test files, the side, the recipe
 * ({@link DigitClassifier#ARCHITECTURE}), the seed, the test accuracy, the wasserflow version and the SHA-256 of
 * the parameter bytes, which a load checks. Entries are written to a temporary file in the cache directory and
 * moved into place, so a reader never sees half a file. Not Java serialization.
 */
final class ClassifierStore {

    /** The format version this class writes and reads. */
    static final int FORMAT = 1;
    private static final byte[] MAGIC = {'W', 'F', 'D', 'C'};
    /** The file name suffix of a cache entry. */
    static final String SUFFIX = ".classifier";

    /** A stored classifier: its header entries and flat parameters. */
    record Entry(Map<String, String> header, float[] parameters) { }

    private ClassifierStore() {
    }

    /**
     * The cache key: the SHA-256 (hex) of the training images' and labels' SHA-256, the side, the recipe and the
     * seed, one {@code name = value} line each.
     */
    static String key(String trainImagesSha, String trainLabelsSha, int side) {
        String text = "train_images_sha256 = " + trainImagesSha + "\ntrain_labels_sha256 = " + trainLabelsSha + "\nside = " + side
                + "\narchitecture = " + DigitClassifier.ARCHITECTURE + "\nseed = " + DigitClassifier.SEED + "\n";
        return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code header} (plus the parameters' count and hash) and {@code parameters} to {@code file}, atomically. */
    static void write(Path file, Map<String, String> header, float[] parameters) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ByteBuffer bytes = ByteBuffer.allocate(4 * parameters.length);
        bytes.asFloatBuffer().put(parameters);
        Properties p = new Properties();
        p.putAll(header);
        p.put("parameters", String.valueOf(parameters.length));
        p.put("parameters_sha256", hex(sha256().digest(bytes.array())));
        StringWriter text = new StringWriter();
        p.store(text, "wasserflow digit classifier");
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(FORMAT);
                out.writeInt(head.length);
                out.write(head);
                out.writeInt(parameters.length);
                out.write(bytes.array());
            }
            DataFiles.replace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads the entry in {@code file} and checks its framing and parameter hash.
     *
     * @param key the configuration key named in errors (the cache directory's)
     * @throws ConfigException naming {@code key} and {@code file}, saying to delete the file: a file that is not an
     *     entry of this format, a truncated file or one whose parameters do not match their recorded hash
     */
    static Entry read(Path file, String key) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw corrupt(key, file, "not a wasserflow digit classifier (no WFDC magic)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw corrupt(key, file, "format " + format + ", this build reads format " + FORMAT);
            }
            int headLength = in.readInt();
            if (headLength < 0 || headLength > 1 << 20) {
                throw corrupt(key, file, "a header of " + headLength + " bytes");
            }
            byte[] head = new byte[headLength];
            in.readFully(head);
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(new ByteArrayInputStream(head), StandardCharsets.UTF_8));
            Map<String, String> header = new LinkedHashMap<>();
            p.stringPropertyNames().stream().sorted().forEach(k -> header.put(k, p.getProperty(k)));
            int count = in.readInt();
            if (count < 0 || !String.valueOf(count).equals(header.get("parameters"))) {
                throw corrupt(key, file, count + " parameters where the header records " + header.get("parameters"));
            }
            byte[] bytes = new byte[4 * count];
            in.readFully(bytes);
            if (in.read() != -1) {
                throw corrupt(key, file, "bytes after the parameters");
            }
            if (!hex(sha256().digest(bytes)).equals(header.get("parameters_sha256"))) {
                throw corrupt(key, file, "the parameters do not match their recorded SHA-256");
            }
            float[] parameters = new float[count];
            ByteBuffer.wrap(bytes).asFloatBuffer().get(parameters);
            return new Entry(header, parameters);
        } catch (EOFException e) {
            throw corrupt(key, file, "truncated");
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt(key, file, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** {@code <key>: <file>: corrupt digit classifier cache entry (<what>); delete it to retrain}. */
    static ConfigException corrupt(String key, Path file, String what) {
        return new ConfigException(key, key + ": " + file + ": corrupt digit classifier cache entry (" + what + "); delete it to retrain");
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
