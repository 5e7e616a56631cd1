package org.wasserflow.problems.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasserflow.problems.digits.DigitFixtures.fixture;
import static org.wasserflow.problems.digits.DigitFixtures.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.ConfigException;
import org.wasserflow.problems.readers.DataFiles;
import org.wasserflow.problems.readers.IdxReader;
import org.wasserflow.problems.readers.Table;

/**
 * The digit classifier on the committed MNIST fixtures (the first 30 images of each digit of MNIST train and
 * test): it learns, its cache entry round-trips bit for bit, and a corrupt entry or one from other data stops with
 * one line naming {@code digits.cache}, the file and the remedy.
 */
class DigitClassifiersTest {

    @TempDir
    Path tmp;

    private static DigitClassifiers.Loaded trained;

    @BeforeAll
    static void train() {
        trained = DigitFixtures.trained();
    }

    @Test
    void itLearnsAndRecordsItsHeldOutAccuracy() {
        Table test = IdxReader.images(fixture("t10k-images"), "test", 28);
        int[] labels = IdxReader.labels(fixture("t10k-labels"), "test", test.rows(), fixture("t10k-images"));
        double accuracy = trained.classifier().accuracy(Nd4j.create(test.values(), new long[] {test.rows(), test.columns()}, 'c'), labels);
        assertTrue(accuracy > 0.6, "held-out accuracy " + accuracy + " on 300 test images after 300 training images (chance 0.1)");
        assertEquals(accuracy, trained.testAccuracy(), 1e-4);
        assertEquals(DataFiles.sha256(fixture("train-images"), "x"), trained.header().get("train_images_sha256"));
        assertEquals(ClassifierStore.key(trained.header().get("train_images_sha256"), trained.header().get("train_labels_sha256"), 28),
                trained.header().get("key"));
        assertEquals("28", DigitClassifiers.provenance(trained).get("classifier.side"));
    }

    @Test
    void theCacheEntryRoundTripsBitForBitAndIsLoadedOncePerJvm() throws IOException {
        ClassifierStore.Entry entry = ClassifierStore.read(trained.file(), "digits.cache");
        assertArrayEquals(trained.classifier().parameters(), entry.parameters());
        assertSame(trained, DigitClassifiers.obtain(settings(DigitFixtures.cache(), "train"), 28));
        Path elsewhere = Files.createDirectories(tmp.resolve("copy"));
        Files.copy(trained.file(), elsewhere.resolve(trained.file().getFileName()));
        DigitClassifiers.Loaded loaded = DigitClassifiers.obtain(settings(elsewhere, "train"), 28);
        assertNotSame(trained, loaded);
        var images = Nd4j.create(IdxReader.images(fixture("t10k-images"), "test", 28).values(), new long[] {300, 784}, 'c');
        assertArrayEquals(trained.classifier().features(images), loaded.classifier().features(images));
        assertEquals(trained.header().get("test_accuracy"), loaded.header().get("test_accuracy"));
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedInOneLineSayingToDeleteIt() throws IOException {
        Path truncated = Files.createDirectories(tmp.resolve("truncated"));
        byte[] bytes = Files.readAllBytes(trained.file());
        Path file = truncated.resolve(trained.file().getFileName());
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertRefused(truncated, "train", file, "corrupt digit classifier cache entry (truncated)");
        Files.writeString(file, "not a classifier at all");
        assertRefused(truncated, "train", file, "no WFDC magic");
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertRefused(truncated, "train", file, "do not match their recorded SHA-256");
    }

    @Test
    void anEntryFromOtherDataIsRefusedInOneLine() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        String key = ClassifierStore.key(DataFiles.sha256(fixture("t10k-images"), "x"), DataFiles.sha256(fixture("t10k-labels"), "x"), 28);
        Path file = other.resolve(key + ClassifierStore.SUFFIX);
        Files.copy(trained.file(), file);
        assertRefused(other, "t10k", file, "a digit classifier cache entry for other data (train_images_sha256 "
                + trained.header().get("train_images_sha256").substring(0, 12));
    }

    private static void assertRefused(Path dir, String set, Path file, String detail) {
        ConfigException e = assertThrows(ConfigException.class, () -> DigitClassifiers.obtain(settings(dir, set), 28));
        assertEquals("digits.cache", e.key());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(detail)
                && e.getMessage().endsWith("delete it to retrain"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
