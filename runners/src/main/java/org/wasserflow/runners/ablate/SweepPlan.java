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
 * <p>Named variants compare methods that differ in several keys at once, where a product grid does not fit (W2-FE
 * at several K next to WGAN-LP): {@code ablate.variants = w2-K1, w1-lp} lists them in order and
 * {@code ablate.variant.<name> = key=value key=value ...} gives each its keys, separated by blanks; among them
 * {@code include=<file>} brings a whole preset (e.g. the W1 one next to a W2 base), applied before the variant's
 * other keys and over the base configuration, its path relative to the sweep file's folder (to the working
 * directory for a variant given on the command line). The variants are crossed with the grid axes, if any.
 *
 * @param base the resolved base configuration, without {@code ablate.*} and {@code slurm.*} keys
 * @param named the named variants in order, each with its keys (empty for a plain grid)
 * @param axes each axis key with its values, in the order given
 * @param sweep the sweep's own settings
 * @param slurm how the sweep is submitted with {@code ablate.launcher=slurm}
 * @param overrides the run keys fixed on the command line ({@code key=value}), which win over a variant's preset
 */
public record SweepPlan(SortedMap<String, String> base, Map<String, Map<String, String>> named, Map<String, List<String>> axes,
        SweepConfig sweep, SlurmConfig slurm, Map<String, String> overrides) {

    /** Prefix of grid axes in a file. */
    static final String GRID = "ablate.grid.";
    /** The list of named variants. */
    static final String VARIANTS = "ablate.variants";
    /** Prefix of a named variant's keys. */
    static final String VARIANT = "ablate.variant.";
    /** The key of a named variant that brings its own preset file. */
    static final String INCLUDE = "include";

    /**
     * One run configuration of the sweep, less its seed.
     *
     * @param name its directory name
     * @param values the keys it sets over the base configuration
     * @param label the named variant it comes from, or empty
     */
    public record Variant(String name, Map<String, String> values, String label) { }

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
            } else if (key.startsWith(VARIANT)) {
                fixed.add(key + "=" + absoluteIncludes(value, Path.of("")));
            } else if (key.startsWith("ablate.")) {
                fixed.add(key + "=" + value);
            } else if (value.contains(",") || value.contains(";")) {
                cliAxes.put(key, values(key, value));
            } else {
                fixed.add(key + "=" + value);
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        fixed.stream().filter(f -> !f.startsWith("ablate.")).forEach(f -> overrides.put(f.substring(0, f.indexOf('=')), f.substring(f.indexOf('=') + 1)));
        SweepPlan plan = of(new ConfigLoader().load(file, fixed), cliAxes, file);
        return new SweepPlan(plan.base(), plan.named(), plan.axes(), plan.sweep(), plan.slurm(), Map.copyOf(overrides));
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
        Map<String, String> variantKeys = new TreeMap<>();
        loaded.forEach((k, v) -> {
            if (k.equals(VARIANTS) || k.startsWith(VARIANT)) {
                variantKeys.put(k, v);
            } else if (k.startsWith(GRID)) {
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
        Path here = file == null || file.toAbsolutePath().getParent() == null ? Path.of("") : file.toAbsolutePath().getParent();
        variantKeys.replaceAll((k, v) -> k.startsWith(VARIANT) ? absoluteIncludes(v, here) : v);
        return new SweepPlan(base, named(variantKeys, axes.keySet()), axes, sweep, SlurmConfig.from(slurm), Map.of());
    }

    /**
     * A variant's text with the path of each {@code include=<file>} made absolute against {@code dir}: the sweep
     * file's folder for a variant set in a file, the working directory for one on the command line.
     */
    static String absoluteIncludes(String text, Path dir) {
        List<String> out = new ArrayList<>();
        for (String pair : text.trim().split("\\s+")) {
            out.add(pair.startsWith(INCLUDE + "=") && pair.length() > INCLUDE.length() + 1
                    ? INCLUDE + "=" + dir.toAbsolutePath().resolve(pair.substring(INCLUDE.length() + 1)).normalize() : pair);
        }
        return String.join(" ", out);
    }

    /**
     * The keys a run of {@code variant} sets over the base configuration: those of its preset ({@code include=<file>},
     * read with its own includes, less {@code ablate.*} and {@code slurm.*} keys) first, with the command line's
     * {@code key=value} overrides over them, then the variant's other keys.
     */
    public Map<String, String> runKeys(Variant variant) {
        Map<String, String> out = new LinkedHashMap<>();
        String preset = variant.values().get(INCLUDE);
        if (preset != null) {
            Path path = Path.of(preset);
            if (!java.nio.file.Files.isRegularFile(path)) {
                throw new ConfigException(VARIANT + variant.label(), INCLUDE + "=" + preset, "an existing preset file (a path in a sweep "
                        + "file is relative to that file's folder, on the command line to the working directory)");
            }
            new ConfigLoader().load(path, List.of()).forEach((k, v) -> {
                if (!k.startsWith("ablate.") && !k.startsWith("slurm.")) {
                    out.put(k, v);
                }
            });
            out.putAll(overrides);
        }
        variant.values().forEach((k, v) -> {
            if (!k.equals(INCLUDE)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The named variants from {@code ablate.variants} and {@code ablate.variant.<name>}, checked against each other. */
    private static Map<String, Map<String, String>> named(Map<String, String> keys, java.util.Set<String> axes) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        String list = keys.getOrDefault(VARIANTS, "");
        for (String name : list.isBlank() ? List.<String>of() : values(VARIANTS, list)) {
            if (!name.matches("[A-Za-z0-9._+-]+")) {
                throw new ConfigException(VARIANTS, name, "variant names of letters, digits, '.', '_', '+', '-'");
            }
            String text = keys.get(VARIANT + name);
            if (text == null || text.isBlank()) {
                throw new ConfigException(VARIANT + name, "(missing)", "key=value pairs separated by blanks for variant '" + name + "'");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : text.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException(VARIANT + name, pair, "key=value pairs separated by blanks");
                }
                String key = alias(pair.substring(0, eq));
                if (axes.contains(key) || key.startsWith("ablate.") || key.equals("run.seed") || key.equals("run.out")) {
                    throw new ConfigException(VARIANT + name, pair, "a run key that is not a grid axis, a sweep key or run.seed/run.out");
                }
                values.put(key, pair.substring(eq + 1));
            }
            out.put(name, values);
        }
        for (String k : keys.keySet()) {
            if (k.startsWith(VARIANT) && !out.containsKey(k.substring(VARIANT.length()))) {
                throw new ConfigException(k, keys.get(k), "a variant listed in " + VARIANTS + " " + out.keySet());
            }
        }
        return out;
    }

    /** Every named variant (if any) crossed with every combination of axis values, the named variants varying slowest. */
    public List<Variant> variants() {
        List<Variant> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> n : named.entrySet()) {
            out.add(new Variant(n.getKey(), n.getValue(), n.getKey()));
        }
        if (out.isEmpty()) {
            out.add(new Variant("", new LinkedHashMap<>(), ""));
        }
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Variant> next = new ArrayList<>();
            for (Variant v : out) {
                for (String value : axis.getValue()) {
                    Map<String, String> values = new LinkedHashMap<>(v.values());
                    values.put(axis.getKey(), value);
                    String part = axis.getKey() + "-" + value.replaceAll("[^A-Za-z0-9.+-]", "_");
                    next.add(new Variant(v.name().isEmpty() ? part : v.name() + "__" + part, values, v.label()));
                }
            }
            out = next;
        }
        if (axes.isEmpty() && named.isEmpty()) {
            out = List.of(new Variant("base", Map.of(), ""));
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
