package org.wasserflow.runners.ablate;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the Slurm tests can run: {@code sbatch} on PATH and a cluster that answers {@code sinfo}.
 * Without them the tests are skipped with a message saying how to enable them, unless
 * {@code WASSERFLOW_SLURM_TESTS=required} (as in CI), where they fail.
 */
final class SlurmCluster {

    static final String HOW = "to run them, install Slurm (apt-get install slurm-wlm munge), start a local cluster as root with "
            + "scripts/local-slurm.sh start, export SLURM_CONF=/tmp/wasserflow-slurm/slurm.conf and run the tests again "
            + "(README, 'Sweeps on a Slurm cluster')";

    private SlurmCluster() {
    }

    /** Skips (or, where required, fails) the calling test unless a Slurm cluster answers. */
    static void assume() throws Exception {
        boolean required = "required".equals(System.getenv("WASSERFLOW_SLURM_TESTS"));
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            String message = "Slurm tests skipped: " + problem.get() + "; " + HOW;
            if (required) {
                fail(message.replace("skipped", "required (WASSERFLOW_SLURM_TESTS=required) but cannot run"));
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
    }

    private static Optional<String> problem() throws Exception {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        boolean found = List.of(path.split(File.pathSeparator)).stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "sbatch")));
        if (!found) {
            return Optional.of("no sbatch on PATH");
        }
        Process p = new ProcessBuilder("sinfo", "-h", "-o", "%a").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.contains("up")) {
            return Optional.of("sbatch is on PATH but no Slurm partition answers sinfo (" + out.replace('\n', ' ') + ")");
        }
        return Optional.empty();
    }

    /** Runs a Slurm command and returns its standard output. */
    static String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove(ChildRuns.PARENT_PID);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
