package org.wasserflow.runners.ablate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * A sweep's own settings, from the {@code ablate.*} keys.
 *
 * @param name {@code ablate.name}: the sweep directory's name under {@code ablate.out}; default: the file's
 *     name without extension, or {@code sweep}
 * @param out {@code ablate.out}: where sweep directories go, default {@code sweeps}
 * @param seeds {@code ablate.seeds}: seeds 1..N for every variant, default 1
 * @param parallel {@code ablate.parallel}: runs at a time, each in its own JVM, default 1
 * @param target {@code ablate.target}: the report gives the training time to the first evaluation meeting
 *     it, written {@code <metric><=<value>} or {@code <metric>>=<value>}, default {@code w2<=0.2}
 * @param launcher {@code ablate.launcher}: {@code local} runs each run in a JVM on this machine,
 *     {@code slurm} as a task of one Slurm job array (see {@link SlurmConfig}); default {@code local}
 */
public record SweepConfig(String name, Path out, int seeds, int parallel, Target target, String launcher) {

    /** The values of {@code ablate.launcher}. */
    static final java.util.List<String> LAUNCHERS = java.util.List.of("local", "slurm");

    /**
     * A level a metric must reach, from below ({@code >=}) or from above ({@code <=}).
     *
     * @param metric the metric's column in {@code metrics.csv}
     * @param atMost true for {@code <=}
     * @param value the level
     */
    public record Target(String metric, boolean atMost, double value) {

        /** Parses {@code w2<=0.2} or {@code accuracy>=0.6}. */
        static Target parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([A-Za-z0-9_.-]+)\\s*(<=|>=)\\s*(\\S+)\\s*").matcher(text);
            ConfigException.require(m.matches(), "ablate.target", text, "<metric><=<number> or <metric>>=<number>, e.g. w2<=0.2");
            try {
                return new Target(m.group(1), m.group(2).equals("<="), Double.parseDouble(m.group(3)));
            } catch (NumberFormatException e) {
                throw new ConfigException("ablate.target", text, "<metric><=<number> or <metric>>=<number>, e.g. w2<=0.2");
            }
        }

        /** Whether {@code v} meets the target. */
        public boolean met(double v) {
            return atMost ? v <= value : v >= value;
        }

        @Override
        public String toString() {
            return metric + (atMost ? "<=" : ">=") + value;
        }
    }

    private static final java.util.Set<String> KEYS = java.util.Set.of("ablate.name", "ablate.out", "ablate.seeds",
            "ablate.parallel", "ablate.target", "ablate.launcher");

    public SweepConfig {
        ConfigException.require(name.matches("[A-Za-z0-9._+-]+"), "ablate.name", name, "letters, digits, '.', '_', '+', '-'");
        ConfigException.require(seeds >= 1, "ablate.seeds", seeds, "an integer >= 1");
        ConfigException.require(parallel >= 1, "ablate.parallel", parallel, "an integer >= 1");
        ConfigException.require(LAUNCHERS.contains(launcher), "ablate.launcher", launcher, "one of " + LAUNCHERS);
    }

    /** Reads and validates the {@code ablate.*} keys; an unknown one fails naming the valid keys. */
    static SweepConfig from(Map<String, String> own, Path file) {
        for (String k : own.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ConfigException(k, own.get(k), "a grid axis ablate.grid.<key>, or one of " + new java.util.TreeSet<>(KEYS));
            }
        }
        Settings s = key -> Optional.ofNullable(own.get(key));
        String fallback = file == null ? "sweep" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new SweepConfig(s.getString("ablate.name", fallback), Path.of(s.getString("ablate.out", "sweeps")),
                s.getInt("ablate.seeds", 1), s.getInt("ablate.parallel", 1), Target.parse(s.getString("ablate.target", "w2<=0.2")),
                s.getString("ablate.launcher", "local"));
    }
}
