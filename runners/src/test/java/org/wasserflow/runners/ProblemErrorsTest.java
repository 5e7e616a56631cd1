package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem that cannot work stops before training with one line naming the key (and the file and line where
 * there is one), and writes nothing: a file that is missing, ragged or not numeric, a source whose dimension
 * is not the data's, and a metric that needs what the laws do not have (labels, a mixture, images).
 */
class ProblemErrorsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data=csv data.path=MISSING                       | data.path      | missing.csv not found",
        "data=csv data.path=RAGGED                        | data.path      | line 3",
        "data=csv data.path=WORDS                         | data.path      | line 2",
        "source.dim=3                                     | key 'source'   | dimension 2",
        "metrics=w2,nn-accuracy                           | key 'metrics'  | labels on the source, but source 'gaussian' is unlabelled",
        "data=swiss-roll metrics=modes                    | key 'metrics'  | a Gaussian mixture as data or labelled evaluation data, but 'swiss-roll' is neither",
        "eval.data_size=500                               | key 'metrics'  | evaluation sets of equal size",
        "metrics=w2,frechet-digits                        | key 'metrics'  | metric 'frechet-digits' requires square grey images as data (an image law such as idx), but data 'gaussian-mixture' (dimension 2) is not an image law",
        "metrics=digit-coverage                           | key 'metrics'  | metric 'digit-coverage' requires square grey images",
        "data=npy data.path=../examples/data/blobs12.npy  | key 'source'   | dimension 12",
    })
    void aProblemThatCannotWorkStopsBeforeTraining(String arguments, String key, String detail) throws IOException {
        Files.writeString(tmp.resolve("ragged.csv"), "x,y\n1,2\n3\n");
        Files.writeString(tmp.resolve("words.csv"), "1,2\n3,four\n");
        Path out = Files.createDirectories(tmp.resolve("runs"));
        List<String> args = new ArrayList<>(List.of("run", "../configs/ring-w2.properties", "run.out=" + out));
        for (String a : arguments.split(" ")) {
            args.add(a.replace("MISSING", tmp.resolve("missing.csv").toString()).replace("RAGGED", tmp.resolve("ragged.csv").toString())
                    .replace("WORDS", tmp.resolve("words.csv").toString()));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, message);
        assertTrue(message.contains(key) && message.contains(detail), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        try (var s = Files.list(out)) {
            assertTrue(s.findAny().isEmpty(), "nothing written");
        }
    }
}
