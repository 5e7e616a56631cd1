package org.wasserflow.runners.ablate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The batch script of a sweep's job array, {@code slurm/sweep.sbatch}: array task {@code i} reads line
 * {@code i + 1} of {@code slurm/tasks.txt} (a run's configuration file), runs {@code wasserflow run <config>}
 * with the submitting installation's Java and class path, writes its console output to
 * {@code logs/<run>.log} and its exit status to {@code slurm/exit/<run>}. Slurm's own output goes to
 * {@code slurm/slurm-<job>_<task>.out}.
 */
final class SlurmScript {

    private SlurmScript() {
    }

    /** The job name of a sweep's array, which also tells its tasks apart in {@code squeue}. */
    static String jobName(String sweep) {
        return "wasserflow-" + sweep;
    }

    /**
     * The script's text.
     *
     * @param sweep the sweep's name
     * @param dir the sweep directory, absolute
     * @param tasks how many array tasks ({@code >= 1})
     * @param parallel the most tasks running at a time ({@code %P})
     * @param config the {@code slurm.*} settings
     * @param run the command before the configuration file: {@code wasserflow run}
     * @param cwd the working directory of every task (the submitting one, so relative paths mean the same)
     */
    static String text(String sweep, Path dir, int tasks, int parallel, SlurmConfig config, List<String> run, Path cwd) {
        Path slurm = dir.resolve("slurm");
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# wasserflow sweep " + sweep + ": array task i runs `wasserflow run <config>` for the configuration");
        lines.add("# file on line i + 1 of tasks.txt, its output going to logs/<run>.log and its exit status to exit/<run>.");
        lines.add("#SBATCH --job-name=" + jobName(sweep));
        lines.add("#SBATCH --array=0-" + (tasks - 1) + "%" + parallel);
        lines.add("#SBATCH --output=" + slurm.resolve("slurm-%A_%a.out"));
        lines.add("#SBATCH --chdir=" + cwd);
        config.sbatchOptions().forEach(o -> lines.add("#SBATCH " + o));
        lines.add("set -u");
        lines.add("config=\"$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" " + quote(slurm.resolve("tasks.txt").toString()) + ")\"");
        lines.add("run=\"$(basename \"$config\" .properties)\"");
        lines.add("mkdir -p " + quote(dir.resolve("logs").toString()) + " " + quote(slurm.resolve("exit").toString()));
        lines.add("export OMP_NUM_THREADS=\"${OMP_NUM_THREADS:-1}\"");
        lines.add(run.stream().map(SlurmScript::quote).collect(Collectors.joining(" ")) + " \"$config\" > "
                + quote(dir.resolve("logs") + "/") + "\"$run.log\" 2>&1");
        lines.add("status=$?");
        lines.add("echo \"$status\" > " + quote(slurm.resolve("exit") + "/") + "\"$run\"");
        lines.add("exit \"$status\"");
        return String.join("\n", lines) + "\n";
    }

    /** {@code s} in single quotes for bash. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
