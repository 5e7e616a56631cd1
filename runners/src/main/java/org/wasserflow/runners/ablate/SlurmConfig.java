package org.wasserflow.runners.ablate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.config.ConfigValidator;

/**
 * How a sweep's job array is submitted with {@code ablate.launcher=slurm}, from the {@code slurm.*} keys
 * ({@link #GROUP}). An empty value leaves the option to the cluster's defaults.
 *
 * @param partition {@code sbatch --partition}
 * @param time the time limit of each run, {@code sbatch --time}
 * @param cpusPerTask {@code sbatch --cpus-per-task} of each run
 * @param mem memory of each run, {@code sbatch --mem}
 * @param account {@code sbatch --account}
 * @param extra further sbatch options, each written as it is into the batch script
 */
public record SlurmConfig(String partition, String time, int cpusPerTask, String mem, String account, List<String> extra) {

    private static final String NAME = "[A-Za-z0-9._+-]*";

    public static final Setting<String> PARTITION = Setting.text("slurm.partition", "")
            .constrain(v -> v.matches(NAME), "a partition name (letters, digits, '.', '_', '+', '-'), or empty for the cluster's default")
            .describe("sbatch --partition; empty for the cluster's default");
    public static final Setting<String> TIME = Setting.text("slurm.time", "")
            .constrain(v -> v.isEmpty() || v.matches("\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}"),
                    "a Slurm time limit: minutes, mm:ss, hh:mm:ss, d-hh, d-hh:mm or d-hh:mm:ss, e.g. 2:00:00")
            .describe("time limit of each run (sbatch --time); empty for the partition's");
    public static final Setting<Integer> CPUS_PER_TASK = Setting.integer("slurm.cpus_per_task", 1).atLeast(1)
            .describe("CPUs of each run (sbatch --cpus-per-task)");
    public static final Setting<String> MEM = Setting.text("slurm.mem", "")
            .constrain(v -> v.isEmpty() || v.matches("\\d+[KMGT]?"), "a memory size: a number with an optional unit K, M, G or T, e.g. 4G")
            .describe("memory of each run (sbatch --mem); empty for the partition's");
    public static final Setting<String> ACCOUNT = Setting.text("slurm.account", "")
            .constrain(v -> v.matches(NAME), "an account name (letters, digits, '.', '_', '+', '-'), or empty")
            .describe("sbatch --account; empty for the user's default");
    public static final Setting<String> EXTRA = Setting.text("slurm.extra", "")
            .constrain(v -> v.isBlank() || java.util.Arrays.stream(v.trim().split("\\s+")).allMatch(o -> o.startsWith("-") && !o.contains("'")),
                    "sbatch options separated by spaces, each starting with '-', e.g. --qos=short --constraint=avx2")
            .describe("further sbatch options, separated by spaces, written as they are into the batch script");
    /** The {@code slurm.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("slurm", "the Slurm job array of a sweep (ablate.launcher=slurm)",
            PARTITION, TIME, CPUS_PER_TASK, MEM, ACCOUNT, EXTRA);

    public SlurmConfig {
        extra = List.copyOf(extra);
    }

    /** Reads and validates the {@code slurm.*} keys; an unknown one fails naming the closest valid key. */
    static SlurmConfig from(Map<String, String> own) {
        ConfigValidator.check(own, ConfigValidator.declared(GROUP));
        Settings s = Settings.of(own, List.of(GROUP));
        String extra = s.get(EXTRA);
        return new SlurmConfig(s.get(PARTITION), s.get(TIME), s.get(CPUS_PER_TASK), s.get(MEM), s.get(ACCOUNT),
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
