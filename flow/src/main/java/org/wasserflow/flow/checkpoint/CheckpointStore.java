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
import java.util.function.Consumer;
import java.util.regex.Pattern;
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
 * place, so a crash while writing leaves the previous one whole (and a temporary directory, which
 * {@link #removeOrphans} removes at the next start); only the last {@code keep} are kept, and the best one so far
 * by a metric may be kept beside them ({@code best-it-<iteration>/}, {@link #writeBest}).
 */
public final class CheckpointStore {

    /** The manifest's format line. */
    public static final String FORMAT = "wasserflow-checkpoint-1";
    /** The name prefix of the best checkpoint's directory. */
    public static final String BEST = "best-";
    private static final String WRITING = ".writing-";

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

    /**
     * Writes a checkpoint after {@code iteration}, {@code it-<iteration>}, and removes all but the newest
     * {@code keep}; {@code info} adds manifest entries (timings).
     *
     * @throws WriteFailed naming the checkpoint's path, when it cannot be written (a full disk): the partial
     *     temporary directory is removed and the previous checkpoints are kept
     */
    public Path write(long iteration, Map<String, INDArray> arrays, SortedMap<String, String> config, Map<String, String> info)
            throws IOException {
        Path target = writeAs(String.format("it-%09d", iteration), iteration, arrays, config, info);
        List<Path> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
        return target;
    }

    /**
     * Writes the best checkpoint so far, {@code best-it-<iteration>}, beside the newest ones, and then removes the
     * previous best; {@code info} records the metric and its value ({@code best.metric}, {@code best.value}).
     *
     * @throws WriteFailed as {@link #write}
     */
    public Path writeBest(long iteration, Map<String, INDArray> arrays, SortedMap<String, String> config, Map<String, String> info)
            throws IOException {
        Path target = writeAs(String.format("%sit-%09d", BEST, iteration), iteration, arrays, config, info);
        for (Path old : named(BEST + "it-\\d+")) {
            if (!old.equals(target)) {
                deleteTree(old);
            }
        }
        return target;
    }

    private Path writeAs(String name, long iteration, Map<String, INDArray> arrays, SortedMap<String, String> config,
            Map<String, String> info) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempDirectory(dir, WRITING);
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
            if (Files.exists(target)) {
                deleteTree(target);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return target;
        } catch (IOException e) {
            String partial = "";
            if (tmp != null) {
                try {
                    deleteTree(tmp);
                    partial = "; the partial " + tmp.getFileName() + " was removed";
                } catch (IOException again) {
                    partial = "; the partial " + tmp + " could not be removed: " + again.getMessage();
                }
            }
            throw new WriteFailed("cannot write checkpoint " + target + ": " + e.getMessage() + partial, e);
        }
    }

    /**
     * Removes the temporary directories ({@code .writing-*}) that a process killed while writing a checkpoint
     * left; call only while holding the run directory's lock.
     *
     * @return the directories removed
     */
    public List<Path> removeOrphans() throws IOException {
        List<Path> orphans = named(Pattern.quote(WRITING) + ".*");
        for (Path p : orphans) {
            deleteTree(p);
        }
        return orphans;
    }

    /** The checkpoints, oldest first (the best checkpoint is not one of them unless it is also among the newest). */
    public List<Path> list() throws IOException {
        return named("it-\\d+").stream().filter(p -> Files.isRegularFile(p.resolve("manifest.properties"))).toList();
    }

    /** The newest checkpoint's directory, if any. */
    public Optional<Path> latest() throws IOException {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The best checkpoint's directory ({@link #writeBest}), if any. */
    public Optional<Path> best() throws IOException {
        List<Path> all = named(BEST + "it-\\d+").stream().filter(p -> Files.isRegularFile(p.resolve("manifest.properties"))).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Reads the newest intact checkpoint: a corrupted newest one is passed over for the previous one, and
     * {@code warn} is told so in one line.
     *
     * @throws ConfigException in one line, when there is no checkpoint, none is intact, or the newest intact
     *     one belongs to another configuration or SPI version
     */
    public Checkpoint readNewest(SortedMap<String, String> config, Consumer<String> warn) throws IOException {
        List<Path> all = list();
        if (all.isEmpty()) {
            throw new ConfigException("checkpoint", dir.getParent() + " has no checkpoint");
        }
        Corrupted newest = null;
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                Checkpoint c = read(all.get(i), config);
                if (newest != null) {
                    warn.accept(newest.getMessage() + "; using the previous intact checkpoint " + c.path().getFileName());
                }
                return c;
            } catch (Corrupted e) {
                newest = newest == null ? e : newest;
            }
        }
        throw new Corrupted(newest.getMessage() + ", and no older checkpoint is intact");
    }

    /**
     * Reads and checks a checkpoint against this wasserflow and the run's configuration.
     *
     * @throws ConfigException in one line, for a checkpoint of another configuration or SPI version, or a
     *     {@link Corrupted} one
     */
    public static Checkpoint read(Path path, SortedMap<String, String> config) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path.resolve("manifest.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new Corrupted("checkpoint " + path + " is corrupted: its manifest cannot be read: " + e.getMessage());
        }
        if (!FORMAT.equals(p.getProperty("format")) || !String.valueOf(p.getProperty("iteration")).matches("\\d+")) {
            throw new Corrupted("checkpoint " + path + " is corrupted: its manifest has no format " + FORMAT + " line or no iteration");
        }
        require(String.valueOf(Spi.VERSION).equals(p.getProperty("version.spi")), path, "was written with SPI version "
                + p.getProperty("version.spi") + ", but this wasserflow provides version " + Spi.VERSION);
        require(configHash(config).equals(p.getProperty("config.sha256")), path,
                "was written for another configuration (the SHA-256 of the resolved config differs); resume the run it belongs to");
        Path state = path.resolve("state.npz");
        try {
            if (!Files.isRegularFile(state) || !sha256(state).equals(p.getProperty("state.sha256"))) {
                throw new Corrupted("checkpoint " + path + " is corrupted: state.npz is missing or its SHA-256 differs from the manifest's");
            }
            Map<String, String> manifest = new java.util.TreeMap<>();
            p.stringPropertyNames().forEach(k -> manifest.put(k, p.getProperty(k)));
            return new Checkpoint(Long.parseLong(p.getProperty("iteration")), Npz.read(state), manifest, path);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new Corrupted("checkpoint " + path + " is corrupted: " + e.getMessage());
        }
    }

    /** A checkpoint that could not be written (a full disk); the message names its path. */
    public static final class WriteFailed extends IOException {

        private static final long serialVersionUID = 1L;

        WriteFailed(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** A checkpoint whose files are damaged (not one of another configuration): an older intact one may stand in. */
    public static final class Corrupted extends ConfigException {

        private static final long serialVersionUID = 1L;

        Corrupted(String message) {
            super("checkpoint", message);
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

    /** The entries of the checkpoints directory whose names match {@code regex}, in name order. */
    private List<Path> named(String regex) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(regex)).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
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
