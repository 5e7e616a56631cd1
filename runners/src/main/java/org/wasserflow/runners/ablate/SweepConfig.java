package org.wasserflow.runners.ablate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.config.ConfigValidator;

/**
 * A sweep's own settings, from the {@code ablate.*} keys ({@link #GROUP}).
 *
 * @param name the sweep directory's name under {@code out}
 * @param out where sweep directories go
 * @param seeds seeds 1..N for every variant
 * @param parallel runs at a time
 * @param target the level whose first meeting the report times
 * @param launcher where the runs go: {@code local} JVMs on this machine, or {@code slurm} tasks of one Slurm job
 *     array (see {@link SlurmConfig})
 * @param rerun what to do with runs on disk that were trained with another configuration than the one planned:
 *     {@code refuse} the sweep, or retrain exactly those ({@code changed}; see {@link RerunCheck})
 * @param stopWaitSeconds how long an interrupted sweep waits for its runs to checkpoint and exit
 * @param rank the metric column the report's summary ranks the variants by; empty for the runs' first metric column
 * @param tableAt the iterations at which the report tabulates the ranked metric (ascending); empty for no such table
 */
public record SweepConfig(String name, Path out, int seeds, int parallel, Target target, String launcher, String rerun,
        int stopWaitSeconds, String rank, List<Integer> tableAt) {

    /** The values of {@code ablate.launcher}. */
    static final java.util.List<String> LAUNCHERS = java.util.List.of("local", "slurm");

    /**
     * A level a metric must reach, from below ({@code >=}) or from above ({@code <=}): a number
     * ({@code w2<=0.2}), or a multiple of another column of the same evaluation ({@code w2<=1.5*w2_floor}: within
     * 1.5 times the metric's data-vs-data floor).
     *
     * @param metric the metric's column in {@code metrics.csv}
     * @param atMost true for {@code <=}
     * @param value the level, or its factor when {@code relativeTo} is set
     * @param relativeTo the column the level is a multiple of, or null for an absolute level
     */
    public record Target(String metric, boolean atMost, double value, String relativeTo) {

        /** Parses a valid {@code w2<=0.2}, {@code accuracy>=0.6} or {@code w2<=1.5*w2_floor} ({@code ablate.target} checks it). */
        static Target parse(String text) {
            java.util.regex.Matcher m = TARGET.matcher(text);
            m.matches();
            return new Target(m.group(1), m.group(2).equals("<="), Double.parseDouble(m.group(3)), m.group(4));
        }

        /** Whether {@code v} meets an absolute target. */
        public boolean met(double v) {
            return met(v, 1);
        }

        /** Whether {@code v} meets the target when the column it is relative to holds {@code reference}. */
        public boolean met(double v, double reference) {
            double level = relativeTo == null ? value : value * reference;
            return atMost ? v <= level : v >= level;
        }

        @Override
        public String toString() {
            return metric + (atMost ? "<=" : ">=") + (relativeTo == null ? value : value + "*" + relativeTo);
        }
    }

    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
            "\\s*([A-Za-z0-9_.-]+)\\s*(<=|>=)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(?:\\s*\\*\\s*([A-Za-z0-9_.-]+))?\\s*");

    public static final Setting<String> NAME = Setting.text("ablate.name", "")
            .constrain(n -> n.isEmpty() || n.matches("[A-Za-z0-9._+-]+"), "letters, digits, '.', '_', '+', '-'")
            .describe("the sweep directory's name under ablate.out; empty for the file's name without extension, or sweep");
    public static final Setting<String> OUT = Setting.text("ablate.out", "sweeps").describe("where sweep directories go");
    public static final Setting<Integer> SEEDS = Setting.integer("ablate.seeds", 1).atLeast(1).describe("seeds 1..N for every variant");
    public static final Setting<Integer> PARALLEL = Setting.integer("ablate.parallel", 1).atLeast(1)
            .describe("runs at a time, each in its own JVM");
    public static final Setting<String> TARGET_SETTING = Setting.text("ablate.target", "w2<=0.2")
            .constrain(t -> TARGET.matcher(t).matches(), "<metric><=<number>, <metric>>=<number> or <metric><=<number>*<column>, e.g. w2<=0.2 or w2<=1.5*w2_floor")
            .describe("the report gives the training time to the first evaluation meeting it");
    public static final Setting<String> LAUNCHER = Setting.choice("ablate.launcher", "local", LAUNCHERS.toArray(String[]::new))
            .describe("local: each run in a JVM on this machine; slurm: each run a task of one Slurm job array (slurm.*)");
    public static final Setting<String> RERUN = Setting.choice("ablate.rerun", "refuse", "refuse", "changed")
            .describe("runs on disk trained with another configuration: refuse the sweep, naming the keys that differ, or retrain "
                    + "exactly those (changed; each old run directory is kept as <run>.replaced-<n>)");
    public static final Setting<Integer> STOP_WAIT = Setting.integer("ablate.stop_wait", 120).atLeast(1)
            .describe("seconds a sweep given SIGTERM or SIGINT waits for its runs to checkpoint and exit before killing them");
    public static final Setting<String> RANK = Setting.text("ablate.rank", "")
            .constrain(r -> r.isEmpty() || r.matches("[A-Za-z0-9_.-]+"), "a metric column of metrics.csv, e.g. w2")
            .describe("the metric column the report's summary ranks variants by (lower or higher is better as the metric "
                    + "declares); empty for the runs' first metric column");
    public static final Setting<String> TABLE_AT = Setting.text("ablate.table_at", "")
            .constrain(t -> t.isEmpty() || t.matches("\\s*\\d+(\\s*,\\s*\\d+)*\\s*"), "iterations separated by ',', e.g. 100,300,600,1200")
            .describe("iterations at which the report tabulates the ranked metric over seeds (mean ± sd), with its best value "
                    + "and the time to ablate.target; empty for no such table");
    /** The sweep's own keys; grid axes are {@code ablate.grid.<key>}. */
    public static final SettingGroup GROUP = SettingGroup.of("ablate", "the sweep", NAME, OUT, SEEDS, PARALLEL, TARGET_SETTING,
            LAUNCHER, RERUN, STOP_WAIT, RANK, TABLE_AT);

    /** Reads and validates the {@code ablate.*} keys; an unknown one fails naming the closest valid key. */
    static SweepConfig from(Map<String, String> own, Path file) {
        ConfigValidator.check(own, ConfigValidator.declared(GROUP));
        Settings s = Settings.of(own, List.of(GROUP));
        String fallback = file == null ? "sweep" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name = s.get(NAME).isEmpty() ? fallback : s.get(NAME);
        return new SweepConfig(name, Path.of(s.get(OUT)), s.get(SEEDS), s.get(PARALLEL), Target.parse(s.get(TARGET_SETTING)),
                s.get(LAUNCHER), s.get(RERUN), s.get(STOP_WAIT), s.get(RANK), iterations(s.get(TABLE_AT)));
    }

    /** The iterations of a valid {@code ablate.table_at}, ascending and distinct. */
    private static List<Integer> iterations(String text) {
        return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf)
                .distinct().sorted().toList();
    }
}
