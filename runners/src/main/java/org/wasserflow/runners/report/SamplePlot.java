package org.wasserflow.runners.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.ot.Points;

/**
 * The picture a run leaves of its generator: in 2-D a scatter of generated over data points; for square
 * dimensions of at least 64 (images, e.g. 16x16 digits with values in [-1, 1]) a strip of 16 source images
 * over the images generated from them; otherwise a scatter of the first two coordinates.
 */
public final class SamplePlot {

    private static final int IMAGES = 16;
    private static final int SCALE = 4;

    private SamplePlot() {
    }

    /**
     * @param data {@code [n, d]} data points
     * @param generated {@code [m, d]} generated points, row i from source row i
     * @param source {@code [m, d]} the source points they were generated from
     */
    public static void write(Path png, String title, INDArray data, INDArray generated, INDArray source) throws IOException {
        int d = (int) data.columns();
        int side = (int) Math.round(Math.sqrt(d));
        if (d >= 64 && side * side == d && source.columns() == d) {
            images(png, side, source, generated);
        } else {
            ScatterPlot.write(png, d == 2 ? title : title + " (first two of " + d + " coordinates)", firstTwo(data), firstTwo(generated));
        }
    }

    private static double[] firstTwo(INDArray points) {
        return Points.flat(points.getColumns(0, Math.min(1, (int) points.columns() - 1)));
    }

    private static void images(Path png, int side, INDArray source, INDArray generated) throws IOException {
        int cell = side + 1;
        BufferedImage img = new BufferedImage(IMAGES * cell * SCALE, 2 * cell * SCALE, BufferedImage.TYPE_BYTE_GRAY);
        int step = Math.max(1, (int) source.rows() / IMAGES);
        for (int row = 0; row < 2; row++) {
            INDArray src = row == 0 ? source : generated;
            for (int k = 0; k < IMAGES && k * step < src.rows(); k++) {
                for (int p = 0; p < side * side; p++) {
                    int grey = (int) Math.round((Math.max(-1, Math.min(1, src.getDouble((long) k * step, p))) + 1) * 127.5);
                    for (int a = 0; a < SCALE; a++) {
                        for (int b = 0; b < SCALE; b++) {
                            img.getRaster().setSample((k * cell + p % side) * SCALE + b, (row * cell + p / side) * SCALE + a, 0, grey);
                        }
                    }
                }
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }
}
