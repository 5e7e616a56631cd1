package org.wasserflow.runners.ablate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * How a sweep's job array is submitted with {@code ablate.launcher=slurm}, from the {@code slurm.*} keys.
 * An empty value leaves the option to the cluster's defaults.
 *
 * @param partition {@code slurm.partition}: {@code sbatch --partition}, default empty
 * @param time {@code slurm.time}: the time limit of each run, {@code sbatch --time}, in one of Slurm's
 *     forms ({@code minutes}, {@code mm:ss}, {@code hh:mm:ss}, {@code d-hh}, {@code d-hh:mm},
 *     {@code d-hh:mm:ss}), default empty
 * @param cpusPerTask {@code slurm.cpus_per_task}: {@code sbatch --cpus-per-task} of each run, default 1
 * @param mem {@code slurm.mem}: memory of each run, {@code sbatch --mem}, a number with an optional unit
 *     {@code K}, {@code M}, {@code G} or {@code T} (e.g. {@code 4G}), default empty
 * @param account {@code slurm.account}: {@code sbatch --account}, default empty
 * @param extra {@code slurm.extra}: further sbatch options separated by spaces, each written as it is
 *     into the batch script (e.g. {@code --qos=short --constraint=avx2}), default none
 */
public record SlurmConfig(String partition, String time, int cpusPerTask, String mem, String account, List<String> extra) {

    /** The keys this record reads. */
    static final Set<String> KEYS = Set.of("slurm.partition", "slurm.time", "slurm.cpus_per_task", "slurm.mem",
            "slurm.account", "slurm.extra");

    private static final String NAME = "[A-Za-z0-9._+-]*";

    public SlurmConfig {
        ConfigException.require(partition.matches(NAME), "slurm.partition", partition,
                "a partition name (letters, digits, '.', '_', '+', '-'), or empty for the cluster's default");
        ConfigException.require(time.isEmpty() || time.matches("\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}"),
                "slurm.time", time, "a Slurm time limit: minutes, mm:ss, hh:mm:ss, d-hh, d-hh:mm or d-hh:mm:ss, e.g. 2:00:00");
        ConfigException.require(cpusPerTask >= 1, "slurm.cpus_per_task", cpusPerTask, "an integer >= 1");
        ConfigException.require(mem.isEmpty() || mem.matches("\\d+[KMGT]?"), "slurm.mem", mem,
                "a memory size: a number with an optional unit K, M, G or T, e.g. 4G");
        ConfigException.require(account.matches(NAME), "slurm.account", account,
                "an account name (letters, digits, '.', '_', '+', '-'), or empty");
        for (String option : extra) {
            ConfigException.require(option.startsWith("-") && !option.contains("'"), "slurm.extra", String.join(" ", extra),
                    "sbatch options separated by spaces, each starting with '-', e.g. --qos=short --constraint=avx2");
        }
        extra = List.copyOf(extra);
    }

    /** Reads and validates the {@code slurm.*} keys; an unknown one fails naming the valid keys. */
    static SlurmConfig from(Map<String, String> own) {
        for (String k : own.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ConfigException(k, own.get(k), "one of " + new TreeSet<>(KEYS));
            }
        }
        Settings s = key -> Optional.ofNullable(own.get(key));
        String extra = s.getString("slurm.extra", "");
        return new SlurmConfig(s.getString("slurm.partition", ""), s.getString("slurm.time", ""),
                s.getInt("slurm.cpus_per_task", 1), s.getString("slurm.mem", ""), s.getString("slurm.account", ""),
                extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+")));
    }

    /** The settings as {@code key = value} lines, for {@code sweep.properties}. */
    List<String> lines() {
        return List.of("slurm.partition = " + partition, "slurm.time = " + time, "slurm.cpus_per_task = " + cpusPerTask,
                "slurm.mem = " + mem, "slurm.account = " + account, "slurm.extra = " + String.join(" ", extra));
    }

    /** The sbatch options these settings stand for, in the order given above. */
    List<String> sbatchOptions() {
        List<String> out = new ArrayList<>();
        if (!partition.isEmpty()) {
            out.add("--partition=" + partition);
        }
        if (!time.isEmpty()) {
            out.add("--time=" + time);
        }
        out.add("--cpus-per-task=" + cpusPerTask);
        if (!mem.isEmpty()) {
            out.add("--mem=" + mem);
        }
        if (!account.isEmpty()) {
            out.add("--account=" + account);
        }
        out.addAll(extra);
        return out;
    }
}
