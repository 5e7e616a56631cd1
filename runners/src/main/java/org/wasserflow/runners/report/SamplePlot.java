package org.wasserflow.runners.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.flow.problem.Problem;
import org.wasserflow.ot.Points;

/**
 * The pictures a run leaves of its generator, decided by the data law ({@link org.wasserflow.api.Law#imageSide()}):
 *
 * <ul>
 * <li>for an image law, {@code samples.png} is the tile grid ({@link ImageGrid#grid}) of the images generated from the
 * first {@value ImageGrid#TILES} rows of the fixed source evaluation set, so that the grids of a run's checkpoints
 * ({@code grids/it-<iteration>.png}, {@link #gridFile}) and of runs with the same seed and source show the same source
 * points; when the source is an image law of the same side (USPS to MNIST), {@code pairs.png} is the strip of source
 * images over the images generated from them ({@link ImageGrid#pairs});</li>
 * <li>otherwise {@code samples.png} is a scatter of generated over data points, of the first two coordinates
 * beyond 2-D.</li>
 * </ul>
 */
public final class SamplePlot {

    /** The run's final picture. */
    public static final String SAMPLES = "samples.png";
    /** The source-over-generated strip of a run whose source and data are images of one side. */
    public static final String PAIRS = "pairs.png";
    /** The directory of the checkpoints' tile grids. */
    public static final String GRIDS = "grids";
    /**
     * The provenance entry giving the image side of a run whose {@code samples.png} is a tile grid (absent for a
     * scatter), so that a sweep's report lays grids out without constructing the laws.
     */
    public static final String IMAGE_SIDE = "samples.image_side";

    private SamplePlot() {
    }

    /**
     * Writes {@code samples.png} into the run directory {@code dir}, and {@code pairs.png} where the source is an
     * image law of the data's side.
     *
     * @param data {@code [n, d]} data evaluation points
     * @param source {@code [m, d]} the source evaluation points, the fixed set
     * @param generated {@code [m, d]} the generator's inference map of {@code source}, row i from source row i
     * @return the files written
     */
    public static List<Path> write(Path dir, String title, Problem.Laws laws, INDArray data, INDArray source, INDArray generated)
            throws IOException {
        List<Path> out = new ArrayList<>();
        OptionalInt side = laws.data().imageSide();
        Path samples = dir.resolve(SAMPLES);
        if (side.isPresent()) {
            ImageGrid.write(ImageGrid.grid(generated, side.getAsInt()), samples);
            out.add(samples);
            if (laws.source().imageSide().equals(side)) {
                Path pairs = dir.resolve(PAIRS);
                ImageGrid.write(ImageGrid.pairs(source, generated, side.getAsInt()), pairs);
                out.add(pairs);
            }
        } else {
            int d = (int) data.columns();
            ScatterPlot.write(samples, d == 2 ? title : title + " (first two of " + d + " coordinates)", firstTwo(data), firstTwo(generated));
            out.add(samples);
        }
        return out;
    }

    /**
     * Writes the tile grid of the checkpoint after iteration {@code iteration} ({@link #gridFile}).
     *
     * @param generated the inference map of (at least) the first {@value ImageGrid#TILES} source evaluation rows
     */
    public static Path writeGrid(Path dir, int iteration, INDArray generated, int side) throws IOException {
        Path png = gridFile(dir, iteration);
        ImageGrid.write(ImageGrid.grid(generated, side), png);
        return png;
    }

    /** {@code grids/it-<iteration>.png} in the run directory {@code dir}, the iteration zero-padded to 6 digits. */
    public static Path gridFile(Path dir, int iteration) {
        return dir.resolve(GRIDS).resolve(String.format(Locale.ROOT, "it-%06d.png", iteration));
    }

    private static double[] firstTwo(INDArray points) {
        return Points.flat(points.getColumns(0, Math.min(1, (int) points.columns() - 1)));
    }
}
