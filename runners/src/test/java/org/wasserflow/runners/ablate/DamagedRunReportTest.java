package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged run (metrics or provenance missing, partial or garbled) is reported as failed, not fatal to the report. */
class DamagedRunReportTest {

    @TempDir
    Path tmp;

    @Test
    void damagedRunsAreListedAsFailedAndTheOthersReported() throws Exception {
        Path dir = tmp.resolve("sweep");
        Files.createDirectories(dir);
        Files.write(dir.resolve("sweep.properties"), List.of("# wasserflow sweep plan", "ablate.grid.flow.K = 1,2,3,4,5,6",
                "ablate.seeds = 1", "ablate.target = w2<=0.2"));
        List<PlannedRun> runs = AblateCommand.plan(SweepPlan.load(null, List.of("K=1,2,3,4,5,6")), dir);
        String good = "iteration,train_s,elapsed_s,w2\n0,0,0.1,0.9\n10,2.0,2.5,0.15\n";
        String[][] cases = {
            {"status = completed\n", good},
            {"status = completed\n", "iteration,train_s,elapsed_s,w2\n0,0,0.1,0.9\n10,2.0,2."},
            {"status = completed\n", null},
            {"stat\u0000us = compl", good},
            {null, good},
            {"status = completed\n", "iteration,train_s,elapsed_s,w2\n"},
        };
        for (int i = 0; i < cases.length; i++) {
            Path run = runs.get(i).dir();
            Files.createDirectories(run);
            if (cases[i][0] != null) {
                Files.writeString(run.resolve("provenance.properties"), cases[i][0]);
            }
            if (cases[i][1] != null) {
                Files.writeString(run.resolve("metrics.csv"), cases[i][1]);
            }
        }
        assertEquals(1, new ReportCommand(dir).execute());
        List<String> csv = Files.readAllLines(dir.resolve("report.csv"));
        assertTrue(csv.get(1).startsWith("1,1/1,0.1500,0.000,2.000,2.000,1/1,1,"), csv.get(1));
        for (int k = 2; k <= 6; k++) {
            assertTrue(csv.get(k).startsWith(k + ",0/1,"), csv.get(k));
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Failed runs"), md);
        List<String> failed = md.lines().filter(l -> l.startsWith("- flow.K-")).toList();
        assertEquals(5, failed.size(), md);
        assertTrue(failed.get(0).startsWith("- flow.K-2/seed-1: damaged:") && failed.get(0).contains("line 3"), failed.get(0));
        assertTrue(failed.get(1).contains("metrics.csv is missing"), failed.get(1));
        assertTrue(failed.get(2).contains("no valid status line"), failed.get(2));
        assertTrue(failed.get(3).contains("no provenance.properties"), failed.get(3));
        assertTrue(failed.get(4).contains("has no rows"), failed.get(4));
    }
}
