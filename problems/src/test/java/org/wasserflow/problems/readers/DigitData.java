package org.wasserflow.problems.readers;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reader tests find the USPS and MNIST digits: the full data sets in {@code ../shared/data} beside the
 * checkout when every file is there (CI), otherwise the small fixtures committed under
 * {@code src/test/resources/digits} (cut by {@code scripts/cut-digit-fixtures.py}: the first
 * {@value #FIXTURE_PER_DIGIT} images of each digit of USPS train, MNIST train and MNIST test, same formats and
 * file names; the same bytes as the runners' fixtures). Tests assert the properties of the full data only when
 * {@link #full()} says it is read.
 */
final class DigitData {

    /** The full data, relative to a module directory (the working directory of the tests). */
    static final Path SHARED = Path.of("..", "..", "shared", "data");

    /** Images of each digit in each fixture file. */
    static final int FIXTURE_PER_DIGIT = 30;

    /** The files the tests read, relative to {@link #SHARED} or {@link #fixtures()}. */
    static final String USPS_TRAIN = "usps/zip.train.gz";

    private static final String[] FILES = {USPS_TRAIN, images("train"), labels("train"), images("t10k"), labels("t10k")};

    private DigitData() {
    }

    /** The directory holding the digits: the full data when present, else the fixtures. */
    static Path digits() {
        return full() ? SHARED : fixtures();
    }

    /** Whether {@link #digits()} is the full data: every file the tests need is in {@link #SHARED}. */
    static boolean full() {
        for (String f : FILES) {
            if (!Files.isRegularFile(SHARED.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** The fixture directory on the test class path. */
    static Path fixtures() {
        URL url = DigitData.class.getResource("/digits/" + USPS_TRAIN);
        if (url == null) {
            throw new IllegalStateException("the digit fixtures are missing from the test class path (src/test/resources/digits)");
        }
        try {
            return Path.of(url.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The MNIST image file of {@code set} ({@code train} or {@code t10k}). */
    static String images(String set) {
        return "mnist/" + set + "-images-idx3-ubyte.gz";
    }

    /** The MNIST label file of {@code set} ({@code train} or {@code t10k}). */
    static String labels(String set) {
        return "mnist/" + set + "-labels-idx1-ubyte.gz";
    }
}
