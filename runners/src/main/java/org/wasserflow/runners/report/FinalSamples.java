package org.wasserflow.runners.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A variant's final samples for a sweep's report: the {@code samples.png} of its first reported seed that has one, and
 * whether that picture is a tile grid of images ({@link SamplePlot#IMAGE_SIDE} in the run's provenance) or a scatter.
 *
 * @param variant the variant's name
 * @param seed the seed of the run shown
 * @param run its run directory
 * @param imageSide the side of the images its {@code samples.png} tiles, 0 for a scatter
 */
record FinalSamples(String variant, long seed, Path run, int imageSide) {

    /** The run's {@code samples.png}. */
    Path png() {
        return run.resolve(SamplePlot.SAMPLES);
    }

    /** Each variant's final samples, in the order of {@code groups}; a variant none of whose reported runs has a {@code samples.png} is left out. */
    static List<FinalSamples> of(List<VariantRuns> groups) {
        List<FinalSamples> out = new ArrayList<>();
        for (VariantRuns g : groups) {
            for (int i = 0; i < g.dirs().size(); i++) {
                Path run = g.dirs().get(i);
                if (Files.isRegularFile(run.resolve(SamplePlot.SAMPLES))) {
                    out.add(new FinalSamples(g.name(), g.seeds().get(i), run, imageSide(run)));
                    break;
                }
            }
        }
        return out;
    }

    /** The {@link SamplePlot#IMAGE_SIDE} the run directory's provenance records, 0 if none (or unreadable). */
    static int imageSide(Path run) {
        String prefix = SamplePlot.IMAGE_SIDE + " = ";
        try {
            return Files.readAllLines(run.resolve("provenance.properties")).stream().filter(l -> l.startsWith(prefix))
                    .mapToInt(l -> Integer.parseInt(l.substring(prefix.length()).strip())).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The report's section on image runs' final grids, links relative to the report directory {@code dir}: the montage
     * {@code samples-grid.png}, then per variant its run's {@code samples.png} and, if it has them, its checkpoints'
     * {@code grids/}. Empty if no variant's final samples are images: a scatter sweep's report is unchanged.
     */
    static List<String> markdown(Path dir, List<FinalSamples> finals) {
        if (finals.stream().noneMatch(f -> f.imageSide() > 0)) {
            return List.of();
        }
        List<String> md = new ArrayList<>();
        md.add("## Final samples");
        md.add("");
        md.add("Each variant's images generated from the first " + ImageGrid.TILES + " source evaluation points at the end of its first"
                + " seed's run (the same points in every run of a seed); `grids/` holds the run's grid at each checkpoint.");
        md.add("");
        md.add("![each variant's final samples](samples-grid.png)");
        md.add("");
        for (FinalSamples f : finals) {
            String run = link(dir, f.run());
            String grids = Files.isDirectory(f.run().resolve(SamplePlot.GRIDS))
                    ? ", checkpoints: [" + SamplePlot.GRIDS + "/](" + run + "/" + SamplePlot.GRIDS + "/)" : "";
            md.add("- " + f.variant() + " (seed " + f.seed() + "): [" + SamplePlot.SAMPLES + "](" + run + "/" + SamplePlot.SAMPLES + ")" + grids);
        }
        return md;
    }

    /** {@code run} relative to {@code dir} with forward slashes, or absolute if it is on another root. */
    private static String link(Path dir, Path run) {
        try {
            return dir.toAbsolutePath().normalize().relativize(run.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return run.toAbsolutePath().toString();
        }
    }
}
