package org.wasserflow.runners.ablate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * What a sweep runs: a base configuration, a grid of axes and a number of seeds, from an experiment file and
 * command-line arguments. On the command line, {@code key=v1,v2,...} is an axis and {@code key=value} a fixed
 * override; for a key whose value is itself a list, separate the variants with {@code ;}
 * ({@code critic.hidden=64,64;128,128}, or {@code critic.hidden=64,64;} for one list). {@code K} abbreviates
 * {@code flow.K} and {@code seeds=N} runs seeds 1..N. In a file, {@code ablate.grid.<key> = v1,v2} is an axis
 * and {@code ablate.seeds}, {@code ablate.parallel}, {@code ablate.name}, {@code ablate.target},
 * {@code ablate.launcher} set the sweep (see {@link SweepConfig}), the {@code slurm.*} keys its Slurm job
 * (see {@link SlurmConfig}); every other key is the base configuration of each run.
 *
 * @param base the resolved base configuration, without {@code ablate.*} and {@code slurm.*} keys
 * @param axes each axis key with its values, in the order given
 * @param sweep the sweep's own settings
 * @param slurm how the sweep is submitted with {@code ablate.launcher=slurm}
 */
public record SweepPlan(SortedMap<String, String> base, Map<String, List<String>> axes, SweepConfig sweep, SlurmConfig slurm) {

    /** Prefix of grid axes in a file. */
    static final String GRID = "ablate.grid.";

    /** One variant: a value for every axis. */
    public record Variant(String name, Map<String, String> values) { }

    /** Builds the plan from an experiment or sweep file (may be null) and the command-line arguments. */
    public static SweepPlan load(Path file, List<String> args) {
        List<String> fixed = new ArrayList<>();
        Map<String, List<String>> cliAxes = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("argument", a, "key=value or key=v1,v2,...");
            }
            String key = alias(a.substring(0, eq).trim());
            String value = a.substring(eq + 1).trim();
            if (key.equals("seeds")) {
                fixed.add("ablate.seeds=" + value);
            } else if (value.contains(",") || value.contains(";")) {
                cliAxes.put(key, values(key, value));
            } else {
                fixed.add(key + "=" + value);
            }
        }
        return of(new ConfigLoader().load(file, fixed), cliAxes, file);
    }

    /**
     * Builds the plan from resolved keys: {@code ablate.grid.*} axes, then {@code cliAxes} (which win),
     * the {@code ablate.*} and {@code slurm.*} settings, and the base configuration.
     */
    static SweepPlan of(Map<String, String> loaded, Map<String, List<String>> cliAxes, Path file) {
        SortedMap<String, String> base = new TreeMap<>();
        Map<String, String> own = new TreeMap<>();
        Map<String, String> slurm = new TreeMap<>();
        Map<String, List<String>> axes = new LinkedHashMap<>();
        loaded.forEach((k, v) -> {
            if (k.startsWith(GRID)) {
                axes.put(k.substring(GRID.length()), values(k, v));
            } else if (k.startsWith("ablate.")) {
                own.put(k, v);
            } else if (k.startsWith("slurm.")) {
                slurm.put(k, v);
            } else {
                base.put(k, v);
            }
        });
        axes.putAll(cliAxes);
        for (String key : axes.keySet()) {
            if (key.equals("run.seed") || key.equals("run.name") || key.equals("run.out")) {
                throw new ConfigException(key, "a sweep sets " + key + " itself; use seeds=N for several seeds");
            }
            base.remove(key);
        }
        SweepConfig sweep = SweepConfig.from(own, file);
        return new SweepPlan(base, axes, sweep, SlurmConfig.from(slurm));
    }

    /** Every combination of axis values, the first axis varying slowest. */
    public List<Variant> variants() {
        List<Variant> out = new ArrayList<>();
        out.add(new Variant("", new LinkedHashMap<>()));
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Variant> next = new ArrayList<>();
            for (Variant v : out) {
                for (String value : axis.getValue()) {
                    Map<String, String> values = new LinkedHashMap<>(v.values());
                    values.put(axis.getKey(), value);
                    String part = axis.getKey() + "-" + value.replaceAll("[^A-Za-z0-9.+-]", "_");
                    next.add(new Variant(v.name().isEmpty() ? part : v.name() + "__" + part, values));
                }
            }
            out = next;
        }
        if (axes.isEmpty()) {
            out = List.of(new Variant("base", Map.of()));
        }
        return out;
    }

    private static String alias(String key) {
        return key.equals("K") ? "flow.K" : key;
    }

    private static List<String> values(String key, String value) {
        String separator = value.contains(";") ? ";" : ",";
        List<String> out = new ArrayList<>();
        for (String v : value.split(separator)) {
            if (!v.isBlank()) {
                out.add(v.trim());
            }
        }
        if (out.isEmpty()) {
            throw new ConfigException(key, value, "one or more values separated by ',' (or ';' for list values)");
        }
        if (new LinkedHashSet<>(out).size() != out.size()) {
            throw new ConfigException(key, value, "distinct values; for a key whose value is a list, separate the variants with ';'");
        }
        return out;
    }
}
