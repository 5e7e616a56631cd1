package org.wasserflow.runners.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wasserflow.api.ConfigException;

/**
 * MNIST in the IDX format (gzipped or not): images {@code [n, 28, 28]} of unsigned bytes and their labels,
 * resized to 16x16 by area averaging (each output pixel is the mean of the input area it covers) and scaled
 * from [0, 255] to [-1, 1], the USPS convention.
 */
public final class MnistReader {

    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    private MnistReader() {
    }

    /** Reads an image file and its label file; errors name {@code key} and the file. */
    public static Digits read(Path images, Path labels, String key) {
        int[] y = readLabels(labels, key);
        try (DataInputStream in = new DataInputStream(UspsReader.open(require(images, key)))) {
            int magic = in.readInt();
            if (magic != IMAGES) {
                throw new ConfigException(key, key + ": malformed MNIST image file " + images + ": magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x803");
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (n != y.length || rows <= 0 || cols <= 0) {
                throw new ConfigException(key, key + ": malformed MNIST image file " + images + ": " + n + " images of " + rows + "x" + cols
                        + " for " + y.length + " labels");
            }
            byte[] image = new byte[rows * cols];
            float[] pixels = new float[n * Digits.SIZE];
            for (int i = 0; i < n; i++) {
                in.readFully(image);
                resize(image, rows, cols, pixels, i * Digits.SIZE);
            }
            return new Digits(pixels, y);
        } catch (java.io.EOFException e) {
            throw new ConfigException(key, key + ": malformed MNIST image file " + images + ": truncated");
        } catch (IOException e) {
            throw new ConfigException(key, key + ": cannot read MNIST file " + images + ": " + e.getMessage());
        }
    }

    private static int[] readLabels(Path file, String key) {
        try (DataInputStream in = new DataInputStream(UspsReader.open(require(file, key)))) {
            int magic = in.readInt();
            if (magic != LABELS) {
                throw new ConfigException(key, key + ": malformed MNIST label file " + file + ": magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x801");
            }
            int[] y = new int[in.readInt()];
            for (int i = 0; i < y.length; i++) {
                y[i] = in.readUnsignedByte();
                if (y[i] > 9) {
                    throw new ConfigException(key, key + ": malformed MNIST label file " + file + ": label " + y[i] + " at " + i);
                }
            }
            return y;
        } catch (java.io.EOFException e) {
            throw new ConfigException(key, key + ": malformed MNIST label file " + file + ": truncated");
        } catch (IOException e) {
            throw new ConfigException(key, key + ": cannot read MNIST file " + file + ": " + e.getMessage());
        }
    }

    private static Path require(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key, key + ": MNIST file " + file + " not found (expected the IDX files, gzipped or not)");
        }
        return file;
    }

    /** Area-averages a {@code rows x cols} byte image into 16x16 values in [-1, 1] at {@code out[offset..]}. */
    static void resize(byte[] image, int rows, int cols, float[] out, int offset) {
        double sy = rows / 16.0;
        double sx = cols / 16.0;
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                double sum = 0;
                for (int r = (int) Math.floor(i * sy); r < Math.min(rows, Math.ceil((i + 1) * sy)); r++) {
                    double wy = Math.min(r + 1, (i + 1) * sy) - Math.max(r, i * sy);
                    for (int c = (int) Math.floor(j * sx); c < Math.min(cols, Math.ceil((j + 1) * sx)); c++) {
                        double wx = Math.min(c + 1, (j + 1) * sx) - Math.max(c, j * sx);
                        sum += wy * wx * (image[r * cols + c] & 0xff);
                    }
                }
                out[offset + i * 16 + j] = (float) (sum / (sy * sx) / 255.0 * 2 - 1);
            }
        }
    }
}
