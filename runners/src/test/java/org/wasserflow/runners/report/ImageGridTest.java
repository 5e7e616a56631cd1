package org.wasserflow.runners.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The tile grid and the pairs strip, read back from the PNG files: layout, grey levels, separators, orientation. */
class ImageGridTest {

    @TempDir
    Path tmp;

    /** {@code n} images of {@code side}: image k has the constant grey level {@code k / 99 * 2 - 1}. */
    private static INDArray levels(int n, int side) {
        float[][] rows = new float[n][side * side];
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(rows[k], (float) (k / 99.0 * 2 - 1));
        }
        return Nd4j.createFromArray(rows);
    }

    private BufferedImage roundTrip(BufferedImage img) throws IOException {
        Path png = tmp.resolve("sub/grid.png");
        ImageGrid.write(img, png);
        try (Stream<Path> s = Files.list(png.getParent())) {
            assertEquals(1, s.count(), "no temporary file is left beside the picture");
        }
        return ImageIO.read(png.toFile());
    }

    @Test
    void aGridOfAHundredImagesHasTheirGreyLevelsAtTileCentresAndSeparatorsBetween() throws IOException {
        int side = 28;
        int scale = ImageGrid.scale(side);
        assertEquals(2, scale, "28-pixel digits are drawn twice as large");
        int cell = side * scale + 1;
        BufferedImage img = roundTrip(ImageGrid.grid(levels(120, side), side));
        assertEquals(10 * cell + 1, img.getWidth());
        assertEquals(10 * cell + 1, img.getHeight(), "only the first 100 of 120 images");
        for (int k = 0; k < 100; k++) {
            int x0 = 1 + (k % 10) * cell;
            int y0 = 1 + (k / 10) * cell;
            int expected = (int) Math.round(k / 99.0 * 255);
            assertEquals(expected, grey(img, x0 + cell / 2, y0 + cell / 2), "centre of tile " + k);
            assertEquals(expected, grey(img, x0, y0), "first pixel of tile " + k);
            assertEquals(expected, grey(img, x0 + side * scale - 1, y0 + side * scale - 1), "last pixel of tile " + k);
            assertEquals(ImageGrid.SEPARATOR, grey(img, x0 - 1, y0 + 5), "separator left of tile " + k);
            assertEquals(ImageGrid.SEPARATOR, grey(img, x0 + 5, y0 - 1), "separator above tile " + k);
            assertEquals(ImageGrid.SEPARATOR, grey(img, x0 + side * scale, y0 + 5), "separator right of tile " + k);
        }
    }

    @Test
    void pixelsAreRowMajorValuesClampedAndFewerImagesLeaveTilesEmpty() throws IOException {
        int side = 16;
        int scale = ImageGrid.scale(side);
        int cell = side * scale + 1;
        float[][] rows = new float[13][side * side];
        for (float[] r : rows) {
            java.util.Arrays.fill(r, -1);
        }
        rows[0][1] = 1;           // row 0, column 1: right of the top-left pixel
        rows[0][side] = 0.5f;     // row 1, column 0: below it
        rows[12][0] = 7;          // clamped to 1
        rows[12][1] = -7;         // clamped to -1
        rows[12][2] = Float.NaN;  // black
        BufferedImage img = roundTrip(ImageGrid.grid(Nd4j.createFromArray(rows), side));
        assertEquals(10 * cell + 1, img.getWidth());
        assertEquals(2 * cell + 1, img.getHeight(), "13 images fill two rows of tiles");
        assertEquals(0, grey(img, 1, 1));
        assertEquals(255, grey(img, 1 + scale, 1), "the second value is right of the first");
        assertEquals(255, grey(img, 1 + 2 * scale - 1, scale - 1), "a value is a scale x scale block");
        assertEquals(ImageGrid.grey(0.5), grey(img, 1, 1 + scale), "the 17th value starts the second row");
        assertEquals(191, ImageGrid.grey(0.5));
        int x12 = 1 + 2 * cell;
        int y12 = 1 + cell;
        assertEquals(255, grey(img, x12, y12), "7 is clamped to white");
        assertEquals(0, grey(img, x12 + scale, y12), "-7 is clamped to black");
        assertEquals(0, grey(img, x12 + 2 * scale, y12), "NaN is black");
        assertEquals(ImageGrid.SEPARATOR, grey(img, 1 + 5 * cell + cell / 2, y12 + cell / 2), "no 16th image: the tile stays empty");
    }

    @Test
    void pairsShowSixteenSourceImagesOverTheirImages() throws IOException {
        int side = 16;
        INDArray source = levels(100, side);
        INDArray generated = source.neg();
        BufferedImage img = roundTrip(ImageGrid.pairs(source, generated, side));
        int cell = (side + 1) * 4;
        assertEquals(16 * cell, img.getWidth());
        assertEquals(2 * cell, img.getHeight());
        for (int k = 0; k < 16; k++) {
            int row = k * (100 / 16);
            assertEquals(ImageGrid.grey(row / 99.0 * 2 - 1), grey(img, k * cell + 8, 8), "source image " + row);
            assertEquals(ImageGrid.grey(1 - row / 99.0 * 2), grey(img, k * cell + 8, cell + 8), "its generated image");
        }
    }

    @Test
    void rowsThatAreNotImagesOfTheSideAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.grid(levels(4, 16), 28));
        assertEquals("expected rows of 28x28 images, got shape [4, 256]", e.getMessage());
    }

    private static int grey(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }
}
