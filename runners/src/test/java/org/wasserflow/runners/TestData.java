package org.wasserflow.runners;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the USPS and MNIST digits: the full data sets in {@code ../shared/data} beside the
 * checkout when they are there (CI), otherwise the small fixtures committed under
 * {@code src/test/resources/digits} (cut by {@code scripts/cut-digit-fixtures.py}: the first
 * {@value #FIXTURE_PER_DIGIT} images of each digit of USPS train, MNIST train and MNIST test, same formats and
 * file names). Tests assert the properties of the full data only when {@link #fullDigits()} says it is read.
 */
public final class TestData {

    /** The full data, relative to a module directory (the working directory of the tests). */
    public static final Path SHARED = Path.of("..", "..", "shared", "data");

    /** Images of each digit in each fixture file. */
    public static final int FIXTURE_PER_DIGIT = 30;

    private static final String[] FILES = {"usps/zip.train.gz", "mnist/train-images-idx3-ubyte.gz", "mnist/train-labels-idx1-ubyte.gz",
        "mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz"};

    private TestData() {
    }

    /** The directory the digit data paths should point into: the full data when present, else the fixtures. */
    public static Path digits() {
        return fullDigits() ? SHARED : fixtures();
    }

    /** Whether {@link #digits()} is the full data: every file the readers need is in {@link #SHARED}. */
    public static boolean fullDigits() {
        for (String f : FILES) {
            if (!Files.isRegularFile(SHARED.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** The fixture directory on the test class path. */
    public static Path fixtures() {
        URL url = TestData.class.getResource("/digits/usps/zip.train.gz");
        if (url == null) {
            throw new IllegalStateException("the digit fixtures are missing from the test class path (src/test/resources/digits)");
        }
        try {
            return Path.of(url.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
