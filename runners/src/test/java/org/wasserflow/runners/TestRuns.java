package org.wasserflow.runners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the tests that compare whole runs share: the metrics without their timing columns, and a run in a child JVM. */
public final class TestRuns {

    private TestRuns() {
    }

    /** The lines of a {@code metrics.csv} with its timing columns (the second and third) emptied. */
    public static List<String> withoutTimes(List<String> csv) {
        return csv.stream().map(l -> {
            String[] cells = l.split(",");
            cells[1] = "";
            cells[2] = "";
            return String.join(",", cells);
        }).toList();
    }

    /** The {@code metrics.csv} of run directory {@code run}, timing columns emptied. */
    public static List<String> withoutTimes(Path run) throws IOException {
        return withoutTimes(Files.readAllLines(run.resolve("metrics.csv")));
    }

    /**
     * The command line of {@code wasserflow run ../configs/ring-w2.properties} with {@code overrides} in a child
     * JVM: this JVM's Java and class path, and no other option (so no Vector API module).
     */
    static List<String> ringRun(List<String> overrides) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.wasserflow.runners.Main", "run", "../configs/ring-w2.properties"));
        cmd.addAll(overrides);
        return cmd;
    }
}
