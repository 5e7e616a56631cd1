package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.report.ImageGrid;

/**
 * The pictures of runs on the committed MNIST fixtures (28x28 images, test split as the source, train split as the
 * data): {@code samples.png} is a 10x10 tile grid, {@code pairs.png} the source-over-generated strip, a grid per
 * checkpoint in {@code grids/}, the image side in the provenance; a resumed run writes only the grids it is missing
 * and the ones after its checkpoint; particle mode (one batch size) gets its grids too; a run on a law of points
 * gets its scatter and no grids.
 */
class ImageRunPicturesTest {

    /** Tile grid of 28x28 images at scale 2: 10 tiles of 56 pixels and 11 separator lines. */
    private static final int SIDE_PX = 10 * (28 * 2 + 1) + 1;

    @TempDir
    Path tmp;

    /** A run of {@code generator} (its keys included) with {@code overrides}. */
    private Path train(String name, List<String> generator, String... overrides) throws IOException {
        Path digits = TestData.fixtures().resolve("mnist");
        Path config = tmp.resolve(name + ".properties");
        List<String> lines = new ArrayList<>(generator);
        lines.addAll(List.of("source = idx", "source.images = " + digits.resolve("t10k-images-idx3-ubyte.gz"),
                "data = idx", "data.images = " + digits.resolve("train-images-idx3-ubyte.gz"), "metrics = sliced-w2",
                "eval.source_size = 100", "eval.data_size = 100", "loss = w2", "potential = exact-ot", "integrator = euler", "flow.K = 1", "flow.batch = 32",
                "run.iterations = 6", "run.log_every = 2", "run.checkpoint_every = 2", "run.keep_checkpoints = 2", "run.seed = 1"));
        Files.write(config, lines);
        List<String> args = new ArrayList<>(List.of(overrides));
        args.addAll(List.of("run.out=" + tmp, "run.name=" + name));
        new TrainCommand(new ConfigLoader().load(config, args), getClass().getClassLoader(), "test").execute();
        return tmp.resolve(name);
    }

    private static List<String> grids(Path run) throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("grids"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anImageRunLeavesATileGridAPairsStripAndAGridPerCheckpointAndResumeKeepsThem() throws IOException {
        Path run = train("mnist", List.of("generator = mlp", "generator.hidden = 16", "generator.output = tanh"));
        BufferedImage samples = ImageIO.read(run.resolve("samples.png").toFile());
        assertEquals(SIDE_PX, samples.getWidth());
        assertEquals(SIDE_PX, samples.getHeight(), "100 generated images in 10 rows");
        assertEquals(ImageGrid.SEPARATOR, samples.getRaster().getSample(0, SIDE_PX / 2, 0), "framed by the separator");
        BufferedImage pairs = ImageIO.read(run.resolve("pairs.png").toFile());
        assertEquals(16 * 29 * 4, pairs.getWidth(), "source images of the data's side: the strip of 16 pairs");
        assertEquals(List.of("it-000000.png", "it-000002.png", "it-000004.png", "it-000006.png"), grids(run),
                "a grid per checkpoint, all kept (checkpoints: the newest 2)");
        byte[] last = Files.readAllBytes(run.resolve("grids/it-000006.png"));
        assertArrayEquals(Files.readAllBytes(run.resolve("samples.png")), last, "the final grid is samples.png");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(run.resolve("grids/it-000000.png")), last), "training changed the images");
        assertTrue(Files.readString(run.resolve("provenance.properties")).contains("samples.image_side = 28"));

        // an interrupted run: its newest checkpoint and what followed it gone, and the grid of the checkpoint it resumes from lost
        Files.delete(run.resolve("provenance.properties"));
        RunDirectory.delete(run.resolve("checkpoints/it-000000006"));
        Files.delete(run.resolve("grids/it-000006.png"));
        Files.delete(run.resolve("grids/it-000004.png"));
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (String kept : List.of("it-000000.png", "it-000002.png")) {
            Files.setLastModifiedTime(run.resolve("grids").resolve(kept), old);
        }
        new ResumeCommand(run, getClass().getClassLoader(), "test").execute();
        assertEquals(List.of("it-000000.png", "it-000002.png", "it-000004.png", "it-000006.png"), grids(run));
        for (String kept : List.of("it-000000.png", "it-000002.png")) {
            assertEquals(old, Files.getLastModifiedTime(run.resolve("grids").resolve(kept)), kept + " is not written again");
        }
        assertArrayEquals(last, Files.readAllBytes(run.resolve("grids/it-000006.png")), "the resumed run ends on the same images");
    }

    @Test
    void particleModeMapsTheWholeEvaluationSetForItsGrids() throws IOException {
        Path run = train("particles", List.of("generator = particles"), "eval.source_size=120", "flow.batch=120", "run.iterations=2",
                "run.log_every=1", "run.checkpoint_every=1");
        assertEquals(List.of("it-000000.png", "it-000001.png", "it-000002.png"), grids(run));
        BufferedImage grid = ImageIO.read(run.resolve("grids/it-000001.png").toFile());
        assertEquals(SIDE_PX, grid.getHeight(), "the first 100 of the 120 particles");
    }

    @Test
    void aRunOnPointsKeepsItsScatterAndWritesNoGrids() throws IOException {
        Path out = tmp.resolve("ring");
        List<String> args = List.of("run.iterations=2", "run.log_every=1", "run.checkpoint_every=1", "flow.batch=64",
                "eval.source_size=100", "eval.data_size=100", "run.out=" + tmp, "run.name=ring");
        new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args), getClass().getClassLoader(),
                "test").execute();
        assertTrue(Files.size(out.resolve("samples.png")) > 0);
        assertFalse(Files.exists(out.resolve("grids")) || Files.exists(out.resolve("pairs.png")), "no image law, no grids");
        assertFalse(Files.readString(out.resolve("provenance.properties")).contains("samples.image_side"));
    }
}
