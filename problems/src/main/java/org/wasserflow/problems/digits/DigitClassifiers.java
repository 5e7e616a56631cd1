package org.wasserflow.problems.digits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.problems.readers.DataFiles;
import org.wasserflow.problems.readers.IdxReader;
import org.wasserflow.problems.readers.Table;

/**
 * The {@link DigitClassifier} of the image metrics, trained once per training data, side and recipe and cached
 * on disk ({@code digits.*} settings). The key of an entry is the SHA-256 over the training files' SHA-256, the
 * side, the recipe and the seed ({@link ClassifierStore#key}); the entry is {@code <digits.cache>/<key>.classifier}.
 * {@link #obtain} loads it when present, checks that it was trained on the configured files (its recorded hashes)
 * and at the requested side, and otherwise trains on the configured MNIST training files resized to the side,
 * measures its accuracy on the test files, and writes the entry. Both happen when a metric is constructed, so a
 * corrupt entry or one from other data stops the run with one line before training. Within one JVM a classifier
 * is loaded once per entry and shared by the metrics that use it.
 */
public final class DigitClassifiers {

    /** The default MNIST directory, relative to the working directory (a wasserflow checkout beside {@code shared}). */
    private static final String MNIST = "../shared/data/mnist/";

    public static final Setting<String> TRAIN_IMAGES = Setting.text("digits.train_images", MNIST + "train-images-idx3-ubyte.gz")
            .describe("the IDX image file the image metrics' digit classifier is trained on (MNIST train)");
    public static final Setting<String> TRAIN_LABELS = Setting.text("digits.train_labels", MNIST + "train-labels-idx1-ubyte.gz")
            .describe("the IDX label file of digits.train_images");
    public static final Setting<String> TEST_IMAGES = Setting.text("digits.test_images", MNIST + "t10k-images-idx3-ubyte.gz")
            .describe("the IDX image file the digit classifier's accuracy is measured on (MNIST test)");
    public static final Setting<String> TEST_LABELS = Setting.text("digits.test_labels", MNIST + "t10k-labels-idx1-ubyte.gz")
            .describe("the IDX label file of digits.test_images");
    public static final Setting<String> CACHE = Setting.text("digits.cache", "~/.cache/wasserflow/digit-classifiers")
            .describe("the directory of trained digit classifiers, one file per training data, side and recipe (~ is the home directory); "
                    + "delete a file to retrain");
    /** The keys the image metrics share. */
    public static final SettingGroup GROUP = SettingGroup.of("digits", "the image metrics' digit classifier",
            TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, CACHE);

    /** A classifier with what its cache entry records (key, hashes, side, accuracy). */
    public record Loaded(DigitClassifier classifier, Path file, Map<String, String> header) {

        /** Its accuracy on the test files, as recorded. */
        public double testAccuracy() {
            return Double.parseDouble(header.get("test_accuracy"));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DigitClassifiers.class);
    /** The classifiers loaded in this JVM, by file, with the file's size and time when loaded. */
    private static final Map<Path, Memo> LOADED = new ConcurrentHashMap<>();

    private record Memo(Loaded loaded, long size, FileTime modified) { }

    private DigitClassifiers() {
    }

    /**
     * The classifier for images of {@code side}: from the cache, or trained and cached.
     *
     * @throws ConfigException naming the key: a missing or malformed data file ({@code digits.train_images} ...),
     *     a cache entry that is corrupt or records other training data ({@code digits.cache}, with the file and
     *     "delete it to retrain"), or a cache directory that cannot be written
     */
    public static Loaded obtain(Settings settings, int side) {
        Path trainImages = file(settings, TRAIN_IMAGES, "an IDX image file (magic 0x803)");
        Path trainLabels = file(settings, TRAIN_LABELS, "an IDX label file (magic 0x801)");
        Path testImages = file(settings, TEST_IMAGES, "an IDX image file (magic 0x803)");
        Path testLabels = file(settings, TEST_LABELS, "an IDX label file (magic 0x801)");
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("train_images_sha256", DataFiles.sha256(trainImages, settings.keyOf(TRAIN_IMAGES)));
        hashes.put("train_labels_sha256", DataFiles.sha256(trainLabels, settings.keyOf(TRAIN_LABELS)));
        String key = ClassifierStore.key(hashes.get("train_images_sha256"), hashes.get("train_labels_sha256"), side);
        String cacheKey = settings.keyOf(CACHE);
        Path file = directory(settings.get(CACHE)).resolve(key + ClassifierStore.SUFFIX);
        Memo memo = LOADED.get(file);
        if (memo != null && memo.equals(memo(memo.loaded(), file))) {
            return memo.loaded();
        }
        Loaded loaded;
        if (Files.exists(file)) {
            ClassifierStore.Entry e = ClassifierStore.read(file, cacheKey);
            hashes.forEach((k, v) -> check(e.header(), k, v, cacheKey, file));
            check(e.header(), "side", String.valueOf(side), cacheKey, file);
            check(e.header(), "architecture", DigitClassifier.ARCHITECTURE, cacheKey, file);
            check(e.header(), "key", key, cacheKey, file);
            try {
                loaded = new Loaded(DigitClassifier.of(side, e.parameters()), file, e.header());
                loaded.testAccuracy();
            } catch (IllegalArgumentException | NullPointerException ex) {
                throw ClassifierStore.corrupt(cacheKey, file, ex.getMessage());
            }
            LOG.info("digit classifier {} loaded: test accuracy {} at side {}", file, e.header().get("test_accuracy"), side);
        } else {
            loaded = train(settings, side, trainImages, trainLabels, testImages, testLabels, hashes, key, file, cacheKey);
        }
        LOADED.put(file, memo(loaded, file));
        return loaded;
    }

    /** {@code loaded} with {@code file}'s size and time now; a missing file has size -1. */
    private static Memo memo(Loaded loaded, Path file) {
        try {
            return new Memo(loaded, Files.size(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return new Memo(loaded, -1, FileTime.fromMillis(0));
        }
    }

    private static Loaded train(Settings settings, int side, Path trainImages, Path trainLabels, Path testImages, Path testLabels,
            Map<String, String> hashes, String key, Path file, String cacheKey) {
        Table train = IdxReader.images(trainImages, settings.keyOf(TRAIN_IMAGES), side);
        int[] labels = IdxReader.labels(trainLabels, settings.keyOf(TRAIN_LABELS), train.rows(), trainImages);
        Table test = IdxReader.images(testImages, settings.keyOf(TEST_IMAGES), side);
        int[] testLabelValues = IdxReader.labels(testLabels, settings.keyOf(TEST_LABELS), test.rows(), testImages);
        LOG.info("training the digit classifier of the image metrics on {} images of {}x{} (once; cached as {})", train.rows(), side, side,
                file);
        long start = System.nanoTime();
        DigitClassifier c = DigitClassifier.train(train.values(), labels, side, m -> LOG.info("digit classifier: {}", m));
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = c.accuracy(Nd4j.create(test.values(), new long[] {test.rows(), test.columns()}, 'c'), testLabelValues);
        Map<String, String> header = new LinkedHashMap<>();
        header.put("key", key);
        header.putAll(hashes);
        header.put("test_images_sha256", DataFiles.sha256(testImages, settings.keyOf(TEST_IMAGES)));
        header.put("test_labels_sha256", DataFiles.sha256(testLabels, settings.keyOf(TEST_LABELS)));
        header.put("train_images", String.valueOf(train.rows()));
        header.put("test_images", String.valueOf(test.rows()));
        header.put("side", String.valueOf(side));
        header.put("architecture", DigitClassifier.ARCHITECTURE);
        header.put("seed", String.valueOf(DigitClassifier.SEED));
        header.put("test_accuracy", String.format(Locale.ROOT, "%.4f", accuracy));
        header.put("train_seconds", String.format(Locale.ROOT, "%.1f", seconds));
        try {
            ClassifierStore.write(file, header, c.parameters());
        } catch (IOException e) {
            throw new ConfigException(cacheKey, cacheKey + ": cannot write " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + " (expected a writable directory)");
        }
        LOG.info("digit classifier trained in {} s: test accuracy {} at side {}; saved to {}", header.get("train_seconds"),
                header.get("test_accuracy"), side, file);
        return new Loaded(c, file, header);
    }

    /** What a run's provenance records about {@code loaded}: its file, key, side, test accuracy and the hashes of its data. */
    public static Map<String, String> provenance(Loaded loaded) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("classifier.file", loaded.file().toString());
        for (String k : List.of("key", "side", "test_accuracy", "train_images_sha256", "test_images_sha256", "architecture")) {
            out.put("classifier." + k, loaded.header().getOrDefault(k, ""));
        }
        return out;
    }

    /**
     * The memory of training a classifier on 60 000 MNIST images of {@code d} values (the float training and test
     * images) and of its parameters with Adam's moments; only a first run, which trains, needs the first part.
     */
    public static MemoryPart memory(int d) {
        long parameters = (long) d * 512 + 512 + 512 * 256 + 256 + 256 * 10 + 10;
        return new MemoryPart("the digit classifier's training images and parameters", CACHE.key(), 4L * 70_000 * d + 16 * parameters,
                8 * parameters, 60_000L * d);
    }

    /** The side of the square images of a run of dimension {@code d} (a perfect square: {@code Capability.IMAGES} was checked). */
    public static int side(int d) {
        int side = (int) Math.round(Math.sqrt(d));
        if (side * side != d) {
            throw new IllegalStateException("images of dimension " + d + " are not square; the image metrics require square images");
        }
        return side;
    }

    private static void check(Map<String, String> header, String name, String expected, String key, Path file) {
        String recorded = header.get(name);
        if (recorded == null) {
            throw ClassifierStore.corrupt(key, file, "no " + name + " in its header");
        }
        if (!recorded.equals(expected)) {
            throw new ConfigException(key, key + ": " + file + ": a digit classifier cache entry for other data (" + name + " "
                    + abbreviated(recorded) + ", the configured " + abbreviated(expected) + "); delete it to retrain");
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 16 ? s.substring(0, 12) + "..." : s;
    }

    private static Path file(Settings settings, Setting<String> setting, String what) {
        return DataFiles.require(settings.get(setting), settings.keyOf(setting), what);
    }

    /** The cache directory, {@code ~} expanded to the home directory, absolute. */
    static Path directory(String configured) {
        String home = System.getProperty("user.home");
        String expanded = configured.equals("~") ? home : configured.startsWith("~/") ? home + configured.substring(1) : configured;
        return Path.of(expanded).toAbsolutePath().normalize();
    }
}
