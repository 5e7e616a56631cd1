package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.runners.report.ImageGrid;
import org.wasserflow.runners.report.SweepReport;

/**
 * The report of a sweep of image runs shows each variant's final tile grid: a section in {@code report.md} linking the
 * first reported seed's {@code samples.png} (and its checkpoints' {@code grids/}), and {@code samples-grid.png} with the
 * grids pixel for pixel; a sweep of point runs keeps its scaled scatters and gets no such section.
 */
class ImageSweepReportTest {

    private static final int SIDE = 16;

    @TempDir
    Path tmp;

    /**
     * Two variants, two seeds: K-1's images are white, K-2's black; K-2's seed 1 left no samples.png, only K-1's seed 1
     * has grids. {@code images} false: a sweep on points, 40x40 scatters and no image side in the provenance.
     */
    private Path sweep(boolean images) throws IOException {
        Path dir = tmp.resolve(images ? "digits" : "points");
        SweepPlan plan = SweepPlan.load(null, List.of("K=1,2", "seeds=2"));
        List<PlannedRun> runs = AblateCommand.plan(plan, dir);
        for (PlannedRun r : runs) {
            Files.createDirectories(r.dir());
            boolean k1 = r.variant().equals("flow.K-1");
            Files.write(r.dir().resolve("metrics.csv"), List.of("iteration,train_s,w2", "0,0.0,0.9", "10,1.0," + (k1 ? 0.2 : 0.3)));
            Files.write(r.dir().resolve("provenance.properties"), images
                    ? List.of("better.w2 = lower", "samples.image_side = " + SIDE, "status = completed")
                    : List.of("better.w2 = lower", "status = completed"));
            if (!k1 && r.seed() == 1) {
                continue;
            }
            BufferedImage img = images
                    ? ImageGrid.grid(Nd4j.ones(100, SIDE * SIDE).muli(k1 ? 1 : -1), SIDE)
                    : new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
            ImageIO.write(img, "png", r.dir().resolve("samples.png").toFile());
            if (images && k1 && r.seed() == 1) {
                Files.createDirectories(r.dir().resolve("grids"));
            }
        }
        SweepReport.write(dir, plan, runs);
        return dir;
    }

    @Test
    void eachVariantsFinalGridIsLinkedAndShownPixelForPixel() throws IOException {
        Path dir = sweep(true);
        List<String> md = Files.readAllLines(dir.resolve("report.md"));
        int at = md.indexOf("## Final samples");
        assertTrue(at > 0 && at < md.indexOf("## Every run"), String.join("\n", md));
        assertTrue(md.contains("![each variant's final samples](samples-grid.png)"), String.join("\n", md));
        assertTrue(md.contains("- flow.K-1 (seed 1): [samples.png](flow.K-1/seed-1/samples.png), checkpoints: [grids/](flow.K-1/seed-1/grids/)"),
                String.join("\n", md));
        assertTrue(md.contains("- flow.K-2 (seed 2): [samples.png](flow.K-2/seed-2/samples.png)"), "the first seed that has one: "
                + String.join("\n", md));
        BufferedImage montage = ImageIO.read(dir.resolve("samples-grid.png").toFile());
        int grid = 10 * (SIDE * ImageGrid.scale(SIDE) + 1) + 1;
        assertEquals(2 * grid, montage.getWidth(), "two grids side by side at their own size");
        assertEquals(grid + 28, montage.getHeight(), "under a label bar");
        int centre = 28 + 1 + SIDE * ImageGrid.scale(SIDE) / 2;
        assertEquals(0xffffff, montage.getRGB(1 + SIDE, centre) & 0xffffff, "K-1's first tile: white");
        assertEquals(0x000000, montage.getRGB(grid + 1 + SIDE, centre) & 0xffffff, "K-2's first tile: black");
        int separator = ImageGrid.SEPARATOR * 0x010101;
        assertEquals(separator, montage.getRGB(grid + 1 + SIDE * ImageGrid.scale(SIDE), centre) & 0xffffff, "the separators are kept");
    }

    @Test
    void aSweepOnPointsHasNoSamplesSection() throws IOException {
        Path dir = sweep(false);
        assertFalse(Files.readAllLines(dir.resolve("report.md")).contains("## Final samples"));
        assertEquals(2 * 420, ImageIO.read(dir.resolve("samples-grid.png").toFile()).getWidth(), "scatters are scaled as before");
    }
}
