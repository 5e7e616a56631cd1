package org.wasserflow.problems.digits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wasserflow.api.Settings;

/**
 * The digit classifier of the tests: trained once per JVM on the committed MNIST fixtures (the first 30 images of
 * each digit of MNIST train; its accuracy measured on those of MNIST test) at side 28, cached in a temporary
 * directory.
 */
public final class DigitFixtures {

    private static DigitClassifiers.Loaded trained;
    private static Path cache;

    private DigitFixtures() {
    }

    /** The classifier trained on the train fixtures at side 28. */
    public static synchronized DigitClassifiers.Loaded trained() {
        if (trained == null) {
            try {
                cache = Files.createTempDirectory("wasserflow-digit-classifiers");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            trained = DigitClassifiers.obtain(settings(cache, "train"), 28);
        }
        return trained;
    }

    /** The directory {@link #trained()} is cached in. */
    static synchronized Path cache() {
        trained();
        return cache;
    }

    /** The {@code digits.*} settings training on the fixture set {@code set} ({@code train} or {@code t10k}), caching in {@code dir}. */
    public static Settings settings(Path dir, String set) {
        return Settings.of(Map.of("digits.train_images", fixture(set + "-images").toString(), "digits.train_labels",
                fixture(set + "-labels").toString(), "digits.test_images", fixture("t10k-images").toString(), "digits.test_labels",
                fixture("t10k-labels").toString(), "digits.cache", dir.toString()), List.of(DigitClassifiers.GROUP));
    }

    /** The committed fixture {@code <name>-idx?-ubyte.gz} of MNIST ({@code train-images}, {@code t10k-labels}, ...). */
    public static Path fixture(String name) {
        String file = "/digits/mnist/" + name + (name.endsWith("images") ? "-idx3" : "-idx1") + "-ubyte.gz";
        try {
            return Path.of(DigitFixtures.class.getResource(file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
