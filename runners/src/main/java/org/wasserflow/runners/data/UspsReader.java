package org.wasserflow.runners.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.wasserflow.api.ConfigException;

/**
 * USPS digits in the ESL format ({@code zip.train.gz}, {@code zip.test.gz}): one image per line, the label then
 * 256 grey values in [-1, 1], separated by blanks; gzipped or not.
 */
public final class UspsReader {

    private UspsReader() {
    }

    /**
     * Reads {@code file}; errors name the configuration key {@code key}, the file and the offending line.
     */
    public static Digits read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key, key + ": USPS file " + file + " not found (expected the ESL zip.train.gz / zip.test.gz)");
        }
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.US_ASCII))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String[] cells = line.trim().split("\\s+");
                if (cells.length == 1 && cells[0].isEmpty()) {
                    continue;
                }
                if (cells.length != Digits.SIZE + 1) {
                    throw malformed(key, file, number, "expected a label and 256 values, found " + cells.length + " fields");
                }
                try {
                    double label = Double.parseDouble(cells[0]);
                    if (label != Math.rint(label) || label < 0 || label > 9) {
                        throw malformed(key, file, number, "label " + cells[0] + " is not a digit 0..9");
                    }
                    float[] image = new float[Digits.SIZE];
                    for (int k = 0; k < Digits.SIZE; k++) {
                        image[k] = Float.parseFloat(cells[k + 1]);
                        if (!(image[k] >= -1.0001f && image[k] <= 1.0001f)) {
                            throw malformed(key, file, number, "grey value " + cells[k + 1] + " outside [-1, 1]");
                        }
                    }
                    labels.add((int) label);
                    images.add(image);
                } catch (NumberFormatException e) {
                    throw malformed(key, file, number, "not a number: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new ConfigException(key, key + ": cannot read USPS file " + file + ": " + e.getMessage());
        }
        if (labels.isEmpty()) {
            throw new ConfigException(key, key + ": USPS file " + file + " holds no images");
        }
        float[] pixels = new float[images.size() * Digits.SIZE];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * Digits.SIZE, Digits.SIZE);
        }
        return new Digits(pixels, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    static InputStream open(Path file) throws IOException {
        InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static ConfigException malformed(String key, Path file, int line, String what) {
        return new ConfigException(key, key + ": malformed USPS file " + file + ", line " + line + ": " + what);
    }
}
