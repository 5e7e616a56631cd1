package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;

/** The Slurm launcher's settings, batch script and refusals, without a cluster. */
class SlurmLauncherTest {

    @TempDir
    Path tmp;

    @Test
    void slurmKeysAreSplitFromTheRunsAndBecomeSbatchOptions() {
        SweepPlan p = SweepPlan.load(null, List.of("K=1,2", "ablate.launcher=slurm", "ablate.parallel=3", "slurm.partition=gpu",
                "slurm.time=1-02:00:00", "slurm.mem=4G", "slurm.cpus_per_task=2", "slurm.account=proj-7",
                "slurm.extra=--qos=short  --constraint=avx2", "run.iterations=9"));
        assertEquals("slurm", p.sweep().launcher());
        assertTrue(p.base().keySet().stream().noneMatch(k -> k.startsWith("slurm.")), p.base().toString());
        assertEquals(List.of("--partition=gpu", "--time=1-02:00:00", "--cpus-per-task=2", "--mem=4G", "--account=proj-7",
                "--qos=short", "--constraint=avx2"), p.slurm().sbatchOptions());
        SweepPlan defaults = SweepPlan.load(null, List.of("run.iterations=9"));
        assertEquals("local", defaults.sweep().launcher());
        assertEquals(List.of("--cpus-per-task=1"), defaults.slurm().sbatchOptions());
    }

    @Test
    void badSlurmSettingsNameKeyValueAndWhatIsValid() {
        ConfigException launcher = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("ablate.launcher=pbs")));
        assertTrue(launcher.getMessage().contains("ablate.launcher") && launcher.getMessage().contains("'pbs'")
                && launcher.getMessage().contains("[local, slurm]"), launcher.getMessage());
        ConfigException time = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("slurm.time=2h")));
        assertTrue(time.getMessage().contains("slurm.time") && time.getMessage().contains("hh:mm:ss"), time.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of("slurm.partiton=gpu")));
        assertTrue(unknown.getMessage().contains("slurm.partiton") && unknown.getMessage().contains("slurm.partition"), unknown.getMessage());
        for (String bad : List.of("slurm.mem=4GB", "slurm.cpus_per_task=0", "slurm.extra=qos=short", "slurm.partition=a b")) {
            ConfigException e = assertThrows(ConfigException.class, () -> SweepPlan.load(null, List.of(bad)), bad);
            assertTrue(e.getMessage().contains(bad.substring(0, bad.indexOf('='))), e.getMessage());
        }
    }

    @Test
    void theBatchScriptMapsArrayIndicesToTheRunsConfigurations() {
        SlurmConfig config = SlurmConfig.from(java.util.Map.of("slurm.partition", "short", "slurm.extra", "--qos=low"));
        Path dir = Path.of("/shared/sweeps/k");
        String text = SlurmScript.text("k", dir, 3, 2, config, List.of("/opt/java/bin/java", "-cp", "/opt/it's/wasserflow.jar",
                "org.wasserflow.runners.Main", "run"), Path.of("/shared/work"));
        List<String> lines = text.lines().toList();
        assertEquals("#!/bin/bash", lines.get(0));
        List<String> directives = lines.stream().filter(l -> l.startsWith("#SBATCH ")).toList();
        assertEquals(List.of("#SBATCH --job-name=wasserflow-k", "#SBATCH --array=0-2%2", "#SBATCH --output=/shared/sweeps/k/slurm/slurm-%A_%a.out",
                "#SBATCH --chdir=/shared/work", "#SBATCH --partition=short", "#SBATCH --cpus-per-task=1", "#SBATCH --qos=low"), directives);
        int lastDirective = lines.indexOf(directives.get(directives.size() - 1));
        assertTrue(lines.subList(1, lastDirective).stream().allMatch(l -> l.startsWith("#")), "sbatch reads directives only before the first command");
        assertTrue(text.contains("'/opt/it'\\''s/wasserflow.jar' 'org.wasserflow.runners.Main' 'run' \"$config\" > '/shared/sweeps/k/logs/'\"$run.log\" 2>&1"),
                text);
        assertTrue(text.contains("sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" '/shared/sweeps/k/slurm/tasks.txt'"), text);
    }

    @Test
    void withoutSbatchOnPathTheSweepFailsWithOneLineAndWritesNothing() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir"),
                "-cp", System.getProperty("java.class.path"), "org.wasserflow.runners.Main", "ablate", "../configs/ring-w2.properties",
                "ablate.launcher=slurm", "ablate.out=" + tmp, "ablate.name=nowhere"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.log").toFile()).redirectError(tmp.resolve("err.log").toFile());
        pb.environment().put("PATH", Files.createDirectories(tmp.resolve("empty-bin")).toString());
        int status = pb.start().waitFor();
        List<String> err = Files.readAllLines(tmp.resolve("err.log"), StandardCharsets.UTF_8);
        assertEquals(1, status, String.join("\n", err));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith("wasserflow: failed: ablate.launcher=slurm: sbatch not found on PATH"), err.get(0));
        assertFalse(Files.exists(tmp.resolve("nowhere")), "nothing is written");
    }
}
