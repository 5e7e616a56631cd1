package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.runners.report.SweepReport;

/** A sweep whose variants log different columns (a W2 and a W1 critic) is reported column by column. */
class MixedReportTest {

    @TempDir
    Path tmp;

    @Test
    void columnsMissingFromSomeVariantsAreReportedWhereTheyExist() throws IOException {
        Files.writeString(tmp.resolve("mixed.properties"), String.join("\n", "ablate.variants = w2, w1",
                "ablate.variant.w2 = loss=w2", "ablate.variant.w1 = loss=w1", "ablate.target = w2<=2*w2_floor", ""));
        SweepPlan plan = SweepPlan.load(tmp.resolve("mixed.properties"), List.of());
        List<PlannedRun> runs = AblateCommand.plan(plan, tmp.resolve("sweep"));
        for (PlannedRun r : runs) {
            Files.createDirectories(r.dir());
            boolean w2 = r.variant().equals("w2");
            Files.write(r.dir().resolve("metrics.csv"), w2
                    ? List.of("iteration,train_s,w2,w2_floor,dual", "0,0.0,0.9,0.1,0.5", "10,2.0,0.15,0.1,0.7")
                    : List.of("iteration,train_s,w2,w2_floor,critic_gap", "0,0.0,0.9,0.1,1.0", "10,1.0,0.3,0.1,2.0"));
            Files.writeString(r.dir().resolve("provenance.properties"), "status = completed\n");
        }
        SweepReport.write(tmp.resolve("sweep"), plan, runs);
        List<String> csv = Files.readAllLines(tmp.resolve("sweep/report.csv"));
        assertTrue(csv.get(0).startsWith("variant,runs,w2_mean,w2_std,w2_floor_mean,w2_floor_std,dual_mean,dual_std,critic_gap_mean,"
                + "critic_gap_std,train_s_mean,reach_s_mean,reached,rank,"), csv.get(0));
        assertTrue(csv.get(1).startsWith("w2,1/1,0.1500,0.000,0.1000,0.000,0.7000,0.000,n/a,n/a,2.000,2.000,1/1,1,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("w1,1/1,0.3000,0.000,0.1000,0.000,n/a,n/a,2.000,0.000,1.000,n/a,0/1,2,"), csv.get(2));
        assertTrue(Files.exists(tmp.resolve("sweep/plot-w2.png")));
    }
}
