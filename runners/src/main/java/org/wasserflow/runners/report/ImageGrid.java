package org.wasserflow.runners.report;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wasserflow.problems.readers.DataFiles;

/**
 * Pictures of square grey images (rows of {@code side * side} values in [-1, 1], row-major, as an image law's samples,
 * {@link org.wasserflow.api.Law#imageSide()}), as 8-bit grey PNGs.
 *
 * <p>A value v becomes the grey level {@code round((clamp(v, -1, 1) + 1) * 127.5)}: -1 is black (0), 1 white (255);
 * NaN is black. Each pixel of an image is drawn as a {@code scale x scale} block ({@link #scale}).
 *
 * <p>The tile grid ({@link #grid}) lays out the first {@value #TILES} rows (fewer if there are fewer) row by row in
 * {@value #COLUMNS} columns: tile k at column {@code k % 10} and row {@code k / 10}. Tiles are separated from each other
 * and from the picture's edge by lines 1 pixel wide of grey level {@value #SEPARATOR}, so tile k's pixels start at
 * {@code x = 1 + (k % 10) * (side * scale + 1)}, {@code y = 1 + (k / 10) * (side * scale + 1)}; the picture is
 * {@code 10 * (side * scale + 1) + 1} pixels wide and as high for 91 to 100 images. Places without an image (fewer than
 * 100 rows) are left at the separator's grey.
 */
public final class ImageGrid {

    /** Tiles per row of a grid. */
    public static final int COLUMNS = 10;
    /** The most tiles a grid shows. */
    public static final int TILES = COLUMNS * COLUMNS;
    /** The grey level of the lines between tiles. */
    public static final int SEPARATOR = 128;
    /** Images in the source-over-generated strip ({@link #pairs}). */
    public static final int PAIRS = 16;

    /** A tile's side in pixels is at least this, by integer upscaling, up to {@link #MAX_SCALE}. */
    private static final int MIN_TILE = 48;
    private static final int MAX_SCALE = 4;

    private ImageGrid() {
    }

    /** The integer upscaling of images of {@code side} pixels: the least making a tile at least 48 pixels, between 1 and 4 (28: 2, 16: 3). */
    public static int scale(int side) {
        return Math.max(1, Math.min(MAX_SCALE, (MIN_TILE + side - 1) / side));
    }

    /** The grey level of the value {@code v}: {@code round((clamp(v, -1, 1) + 1) * 127.5)}, 0 for NaN. */
    public static int grey(double v) {
        return Double.isNaN(v) ? 0 : (int) Math.round((Math.max(-1, Math.min(1, v)) + 1) * 127.5);
    }

    /**
     * The tile grid of the first {@value #TILES} rows of {@code images}.
     *
     * @param images {@code [m, side * side]}, m at least 1
     * @throws IllegalArgumentException if the rows are not images of {@code side}, or there are none
     */
    public static BufferedImage grid(INDArray images, int side) {
        float[][] px = firstRows(images, side, TILES);
        int scale = scale(side);
        int cell = side * scale + 1;
        int rows = (px.length + COLUMNS - 1) / COLUMNS;
        BufferedImage img = new BufferedImage(COLUMNS * cell + 1, rows * cell + 1, BufferedImage.TYPE_BYTE_GRAY);
        fill(img.getRaster(), SEPARATOR);
        for (int k = 0; k < px.length; k++) {
            draw(img.getRaster(), px[k], side, scale, 1 + (k % COLUMNS) * cell, 1 + (k / COLUMNS) * cell);
        }
        return img;
    }

    /**
     * The strip of {@value #PAIRS} source images (top row) over the images generated from them (bottom row): source rows
     * {@code 0, step, 2 step, ...} with {@code step = max(1, m / 16)}, at scale 4 on black with 1-pixel gaps (before
     * scaling). It shows what the generator maps to what when the source is an image law of the data's side.
     *
     * @param source {@code [m, side * side]}
     * @param generated {@code [m, side * side]}, row i generated from source row i
     */
    public static BufferedImage pairs(INDArray source, INDArray generated, int side) {
        int scale = MAX_SCALE;
        int cell = side + 1;
        int step = Math.max(1, (int) source.rows() / PAIRS);
        BufferedImage img = new BufferedImage(PAIRS * cell * scale, 2 * cell * scale, BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < 2; row++) {
            float[][] px = firstRows(row == 0 ? source : generated, side, Integer.MAX_VALUE);
            for (int k = 0; k < PAIRS && k * step < px.length; k++) {
                draw(img.getRaster(), px[k * step], side, scale, k * cell * scale, row * cell * scale);
            }
        }
        return img;
    }

    /** Writes {@code img} as a PNG into {@code png} through a temporary file renamed into place, creating its directory. */
    public static void write(BufferedImage img, Path png) throws IOException {
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + png.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer for " + png);
            }
            DataFiles.replace(tmp, png);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static float[][] firstRows(INDArray images, int side, int most) {
        if (images.rank() != 2 || images.columns() != (long) side * side || images.rows() == 0) {
            throw new IllegalArgumentException("expected rows of " + side + "x" + side + " images, got shape "
                    + java.util.Arrays.toString(images.shape()));
        }
        long n = Math.min(images.rows(), most);
        return images.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).castTo(DataType.FLOAT).toFloatMatrix();
    }

    private static void fill(WritableRaster r, int grey) {
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                r.setSample(x, y, 0, grey);
            }
        }
    }

    private static void draw(WritableRaster r, float[] image, int side, int scale, int x0, int y0) {
        for (int p = 0; p < image.length; p++) {
            int grey = grey(image[p]);
            int x = x0 + (p % side) * scale;
            int y = y0 + (p / side) * scale;
            for (int a = 0; a < scale; a++) {
                for (int b = 0; b < scale; b++) {
                    r.setSample(x + b, y + a, 0, grey);
                }
            }
        }
    }
}
