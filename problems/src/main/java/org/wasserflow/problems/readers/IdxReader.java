package org.wasserflow.problems.readers;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import org.wasserflow.api.ConfigException;

/**
 * Images and labels in the IDX format of MNIST (gzipped or not): an image file of magic {@code 0x803} holding
 * {@code [n, rows, cols]} unsigned bytes and a label file of magic {@code 0x801} holding {@code [n]} unsigned
 * bytes. Each image becomes one row of grey values in [-1, 1] ({@code 0 -> -1}, {@code 255 -> 1}), row-major,
 * either at its native size ({@code side = 0}, {@code rows * cols} columns) or resized to {@code side x side}
 * by area averaging (each output pixel is the mean of the input area it covers; {@code side = 16} gives the
 * 16x16 MNIST that is compared with USPS).
 */
public final class IdxReader {

    /** Magic number of an unsigned-byte 3-D (image) file. */
    public static final int IMAGES = 0x00000803;
    /** Magic number of an unsigned-byte 1-D (label) file. */
    public static final int LABELS = 0x00000801;

    private IdxReader() {
    }

    /**
     * Reads the images of {@code file} (absolute, checked by {@link DataFiles#require}), unlabelled.
     *
     * @param side the output side, or 0 for the native size
     * @throws ConfigException naming {@code key} and the file: a wrong magic number, bad dimensions, no images
     *     or a truncated file
     */
    public static Table images(Path file, String key, int side) {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            magic(in.readInt(), IMAGES, key, file, "image");
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (n <= 0 || rows <= 0 || cols <= 0) {
                throw DataFiles.bad(key, file, "header", n + " images of " + rows + "x" + cols + " (expected at least one image)");
            }
            int width = side == 0 ? rows * cols : side * side;
            if ((long) n * width > Integer.MAX_VALUE - 8) {
                throw DataFiles.bad(key, file, "header", n + " images of " + width + " values are too many to hold");
            }
            byte[] image = new byte[rows * cols];
            float[] values = new float[n * width];
            for (int i = 0; i < n; i++) {
                try {
                    in.readFully(image);
                } catch (EOFException e) {
                    throw DataFiles.bad(key, file, "image " + (i + 1), "truncated: the header announces " + n + " images of "
                            + rows + "x" + cols);
                }
                if (side == 0) {
                    for (int k = 0; k < image.length; k++) {
                        values[i * width + k] = (float) ((image[k] & 0xff) / 255.0 * 2 - 1);
                    }
                } else {
                    resize(image, rows, cols, side, values, i * width);
                }
            }
            return new Table(values, width, null);
        } catch (EOFException e) {
            throw DataFiles.bad(key, file, "header", "truncated before the end of the IDX header");
        } catch (IOException e) {
            throw DataFiles.unreadable(key, file, e);
        }
    }

    /**
     * Reads the labels of {@code file}, which must hold exactly {@code expected} of them (the image count).
     *
     * @param images the image file, named when the counts differ
     * @throws ConfigException naming {@code key} and the file: a wrong magic number, a count other than
     *     {@code expected} (both named) or a truncated file
     */
    public static int[] labels(Path file, String key, int expected, Path images) {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            magic(in.readInt(), LABELS, key, file, "label");
            int n = in.readInt();
            if (n != expected) {
                throw DataFiles.bad(key, file, "header", n + " labels for the " + expected + " images of " + images);
            }
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                try {
                    y[i] = in.readUnsignedByte();
                } catch (EOFException e) {
                    throw DataFiles.bad(key, file, "label " + (i + 1), "truncated: the header announces " + n + " labels");
                }
            }
            return y;
        } catch (EOFException e) {
            throw DataFiles.bad(key, file, "header", "truncated before the end of the IDX header");
        } catch (IOException e) {
            throw DataFiles.unreadable(key, file, e);
        }
    }

    private static void magic(int magic, int expected, String key, Path file, String what) {
        if (magic != expected) {
            throw DataFiles.bad(key, file, "header", "magic number 0x" + Integer.toHexString(magic) + ", expected 0x"
                    + Integer.toHexString(expected) + " (an IDX " + what + " file of unsigned bytes)");
        }
    }

    /**
     * Area-averages a {@code rows x cols} byte image into {@code side x side} values in [-1, 1], written
     * row-major at {@code out[offset..]}.
     */
    static void resize(byte[] image, int rows, int cols, int side, float[] out, int offset) {
        double sy = rows / (double) side;
        double sx = cols / (double) side;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double sum = 0;
                for (int r = (int) Math.floor(i * sy); r < Math.min(rows, Math.ceil((i + 1) * sy)); r++) {
                    double wy = Math.min(r + 1, (i + 1) * sy) - Math.max(r, i * sy);
                    for (int c = (int) Math.floor(j * sx); c < Math.min(cols, Math.ceil((j + 1) * sx)); c++) {
                        double wx = Math.min(c + 1, (j + 1) * sx) - Math.max(c, j * sx);
                        sum += wy * wx * (image[r * cols + c] & 0xff);
                    }
                }
                out[offset + i * side + j] = (float) Math.max(-1, Math.min(1, sum / (sy * sx) / 255.0 * 2 - 1));
            }
        }
    }
}
