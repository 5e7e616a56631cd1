package org.wasserflow.flow.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Spi;
import org.wasserflow.flow.Version;

/**
 * The checkpoints of a run, in {@code <run>/checkpoints/it-<iteration>/}: {@code state.npz}, every component's
 * named arrays in NumPy's format, and {@code manifest.properties}, a UTF-8 text file with the format, the
 * wasserflow ({@link Version}) and SPI versions, the SHA-256 of the resolved configuration and of {@code state.npz}, the
 * iteration and the timing accumulators. A checkpoint is written into a temporary directory and renamed into
 * place, so a crash while writing leaves the previous one whole; only the last {@code keep} are kept.
 */
public final class CheckpointStore {

    /** The manifest's format line. */
    public static final String FORMAT = "wasserflow-checkpoint-1";

    private final Path dir;
    private final int keep;

    /**
     * @param runDir the run directory
     * @param keep how many checkpoints to keep, at least 1
     */
    public CheckpointStore(Path runDir, int keep) {
        this.dir = runDir.resolve("checkpoints");
        this.keep = keep;
    }

    /**
     * A saved state.
     *
     * @param iteration the last completed iteration
     * @param arrays the components' arrays by name
     * @param manifest the manifest's entries
     * @param path its directory
     */
    public record Checkpoint(long iteration, Map<String, INDArray> arrays, Map<String, String> manifest, Path path) { }

    /** Writes a checkpoint after {@code iteration}; {@code info} adds manifest entries (timings). */
    public Path write(long iteration, Map<String, INDArray> arrays, SortedMap<String, String> config, Map<String, String> info)
            throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".writing-");
        Npz.write(tmp.resolve("state.npz"), arrays);
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("version.wasserflow", Version.wasserflow());
        p.setProperty("version.spi", String.valueOf(Spi.VERSION));
        p.setProperty("config.sha256", configHash(config));
        p.setProperty("state.sha256", sha256(tmp.resolve("state.npz")));
        p.setProperty("iteration", String.valueOf(iteration));
        info.forEach(p::setProperty);
        try (Writer w = Files.newBufferedWriter(tmp.resolve("manifest.properties"), StandardCharsets.UTF_8)) {
            p.store(w, "wasserflow checkpoint: state.npz holds the arrays (numpy.load reads it)");
        }
        Path target = dir.resolve(String.format("it-%09d", iteration));
        if (Files.exists(target)) {
            deleteTree(target);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        List<Path> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
        return target;
    }

    /** The checkpoints, oldest first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("it-\\d+") && Files.isRegularFile(p.resolve("manifest.properties")))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /** The newest checkpoint's directory, if any. */
    public Optional<Path> latest() throws IOException {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Reads and checks a checkpoint against this wasserflow and the run's configuration.
     *
     * @throws ConfigException in one line, for a checkpoint of another configuration or SPI version, or a
     *     corrupted one
     */
    public static Checkpoint read(Path path, SortedMap<String, String> config) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path.resolve("manifest.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigException("checkpoint", "checkpoint " + path + " cannot be read: " + e.getMessage());
        }
        require(FORMAT.equals(p.getProperty("format")), path, "is not in the format " + FORMAT + " (format=" + p.getProperty("format") + ")");
        require(String.valueOf(Spi.VERSION).equals(p.getProperty("version.spi")), path, "was written with SPI version "
                + p.getProperty("version.spi") + ", but this wasserflow provides version " + Spi.VERSION);
        require(configHash(config).equals(p.getProperty("config.sha256")), path,
                "was written for another configuration (the SHA-256 of the resolved config differs); resume the run it belongs to");
        Path state = path.resolve("state.npz");
        try {
            require(Files.isRegularFile(state) && sha256(state).equals(p.getProperty("state.sha256")), path,
                    "is corrupted: state.npz is missing or its SHA-256 differs from the manifest's");
            Map<String, String> manifest = new java.util.TreeMap<>();
            p.stringPropertyNames().forEach(k -> manifest.put(k, p.getProperty(k)));
            return new Checkpoint(Long.parseLong(p.getProperty("iteration")), Npz.read(state), manifest, path);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException("checkpoint", "checkpoint " + path + " is corrupted: " + e.getMessage());
        }
    }

    /** The SHA-256 of a resolved configuration, one {@code key=value} line per key in key order. */
    public static String configHash(SortedMap<String, String> config) {
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return hex(digest().digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void require(boolean ok, Path path, String why) {
        if (!ok) {
            throw new ConfigException("checkpoint", "checkpoint " + path + " " + why);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        return hex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
