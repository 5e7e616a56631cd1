package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.runners.RunLock;
import org.wasserflow.runners.report.SweepReport;

/**
 * The {@code report} command: (re)builds a sweep's report ({@code report.csv}, {@code report.md}, plots)
 * from its directory alone: the plan recorded in {@code sweep.properties} and the runs complete so far. A failed,
 * unfinished or damaged run is listed as such in the report and logged, never an error of the whole report.
 * Useful while a detached Slurm sweep runs, or after a sweep whose report was not written. The sweep directory
 * is locked ({@link RunLock}) while the report is written. The report's own sweep keys ({@link #KEYS}: the ranked
 * column, the iterations of the learning-curve table, the target) may be given again as {@code key=value} to
 * override what the sweep recorded.
 */
public final class ReportCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

    /** The sweep keys that {@code report} accepts as overrides. */
    static final List<String> KEYS = List.of(SweepConfig.RANK.key(), SweepConfig.TABLE_AT.key(), SweepConfig.TARGET_SETTING.key());

    private final Path dir;
    private final List<String> overrides;

    /** @param dir a sweep directory written by {@code wasserflow ablate} */
    public ReportCommand(Path dir) {
        this(dir, List.of());
    }

    /**
     * @param dir a sweep directory written by {@code wasserflow ablate}
     * @param overrides {@code key=value} for keys among {@link #KEYS}
     */
    public ReportCommand(Path dir, List<String> overrides) {
        this.dir = dir;
        this.overrides = List.copyOf(overrides);
    }

    /** Writes the report; returns how many of the planned runs are in it (complete and readable). */
    public int execute() throws IOException {
        if (dir == null) {
            throw new ConfigException("sweep directory", "usage: wasserflow report <sweep-dir> [key=value for " + String.join(", ", KEYS) + "]");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            String key = eq <= 0 ? o : o.substring(0, eq).trim();
            if (eq <= 0 || !KEYS.contains(key)) {
                throw new ConfigException("argument", o, "wasserflow report <sweep-dir> [key=value for " + String.join(", ", KEYS) + "]");
            }
            given.put(key, o.substring(eq + 1).trim());
        }
        Path abs = dir.toAbsolutePath().normalize();
        Path record = abs.resolve("sweep.properties");
        if (!Files.isRegularFile(record)) {
            throw new ConfigException("sweep directory", dir, "a directory written by wasserflow ablate, holding sweep.properties");
        }
        Map<String, String> keys = read(record, abs);
        keys.putAll(given);
        SweepPlan plan = SweepPlan.of(keys, Map.of(), null);
        List<PlannedRun> runs = AblateCommand.plan(plan, abs, false);
        List<String> failed;
        try (RunLock lock = RunLock.acquire(abs, "wasserflow report " + abs)) {
            failed = SweepReport.write(abs, plan, runs);
        }
        failed.forEach(f -> LOG.warn("not in the report: {}", f));
        LOG.info("summary:\n{}", SweepReport.summary(abs));
        int complete = (int) runs.stream().filter(r -> org.wasserflow.runners.report.RunOutcome.read(r.dir()).table() != null).count();
        LOG.info("report of {} of {} runs ({} failed or unfinished): {} and {}", complete, runs.size(), failed.size(),
                abs.resolve("report.md"), abs.resolve("report.csv"));
        return complete;
    }

    /** The keys of {@code sweep.properties} in their order, the sweep's name and place taken from its directory. */
    private static Map<String, String> read(Path record, Path dir) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(record)) {
            int eq = line.indexOf(" = ");
            if (line.startsWith("#") || eq <= 0) {
                continue;
            }
            keys.put(line.substring(0, eq).trim(), line.substring(eq + 3));
        }
        keys.remove("ablate.runs");
        keys.put("ablate.name", dir.getFileName().toString());
        keys.put("ablate.out", dir.getParent().toString());
        return keys;
    }
}
