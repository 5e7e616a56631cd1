package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * W2-FE with {@code potential=neural-map} on the ring: the estimator trains inside a run, its diagnostics become columns of
 * {@code metrics.csv}, and a run resumed from its first checkpoint ends with the metrics of the uninterrupted run (the map,
 * the potential and their Adam moments are restored bit for bit).
 */
class NeuralMapFlowTest {

    private static final List<String> SMALL = List.of("potential=neural-map", "run.iterations=20", "run.log_every=10",
            "run.checkpoint_every=10", "flow.batch=128", "eval.source_size=200", "eval.data_size=200", "critic.steps=2",
            "map.inner_steps=3");

    @TempDir
    Path tmp;

    @Test
    void theFlowMovesTowardsTheDataAndResumesExactly() throws IOException {
        train("whole");
        List<String> whole = TestRuns.withoutTimes(tmp.resolve("whole"));
        List<String> header = Arrays.asList(whole.get(0).split(","));
        assertTrue(header.contains("dual") && header.contains("transport_cost"), "diagnostics as columns: " + header);
        assertEquals(4, whole.size(), "header and iterations 0, 10, 20");

        Path resumed = tmp.resolve("resumed");
        copy(tmp.resolve("whole"), resumed);
        Path newest = resumed.resolve("checkpoints/it-000000020");
        try (Stream<Path> s = Files.walk(newest)) {
            s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
        new ResumeCommand(resumed, getClass().getClassLoader(), "test").execute();
        assertEquals(whole, TestRuns.withoutTimes(resumed));
    }

    private void train(String name) throws IOException {
        List<String> args = new ArrayList<>(SMALL);
        args.add("run.out=" + tmp);
        args.add("run.name=" + name);
        new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args), getClass().getClassLoader(), "test")
                .execute();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
