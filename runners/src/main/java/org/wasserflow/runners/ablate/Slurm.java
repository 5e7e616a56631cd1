package org.wasserflow.runners.ablate;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The Slurm commands a sweep uses ({@code sbatch}, {@code squeue}, {@code sacct}, {@code scancel}), found
 * on PATH, with this process's environment (so {@code SLURM_CONF} applies) less the variable that ties a
 * local child run to its parent process. Slurm's error messages come back as one line.
 */
final class Slurm {

    private final Path bin;

    private Slurm(Path bin) {
        this.bin = bin;
    }

    /** Finds {@code sbatch} on PATH, or fails with one line saying what to do. */
    static Slurm locate() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "sbatch"))) {
                return new Slurm(Path.of(d));
            }
        }
        throw new SlurmException("ablate.launcher=slurm: sbatch not found on PATH; run on a machine with a Slurm client, "
                + "or use ablate.launcher=local (to try Slurm on this machine: scripts/local-slurm.sh start)");
    }

    /** Submits a batch script from {@code cwd}; returns the job id or fails with sbatch's message. */
    long submit(Path script, Path cwd) throws IOException, InterruptedException {
        Result r = run(List.of("sbatch", "--parsable", script.toString()), cwd);
        if (r.status != 0) {
            throw new SlurmException(r.message("sbatch"));
        }
        String out = r.out.strip();
        try {
            return Long.parseLong(out.split(";")[0].strip());
        } catch (NumberFormatException e) {
            throw new SlurmException("sbatch: unexpected answer '" + out + "' (expected a job id)");
        }
    }

    /**
     * The array tasks of job {@code id} named {@code name} still in the queue, index to state code
     * ({@code PD}, {@code R}, {@code CG}, ...); empty when the job has left the queue; nothing when squeue
     * could not answer.
     */
    Optional<Map<Integer, String>> tasks(long id, String name) throws IOException, InterruptedException {
        Result r = run(List.of("squeue", "-h", "-r", "-j", String.valueOf(id), "-o", "%K %t %j"), null);
        Map<Integer, String> out = new TreeMap<>();
        if (r.status != 0) {
            return r.err.contains("Invalid job id") ? Optional.of(out) : Optional.empty();
        }
        for (String line : r.out.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3 && f[2].equals(name) && f[0].matches("\\d+")) {
                out.put(Integer.parseInt(f[0]), f[1]);
            }
        }
        return Optional.of(out);
    }

    /** The accounting state of one array task (e.g. {@code TIMEOUT 0:0}), where sacct answers. */
    Optional<String> accounting(long id, int task) {
        try {
            Result r = run(List.of("sacct", "-n", "-X", "-P", "-j", id + "_" + task, "-o", "State,ExitCode"), null);
            String line = r.out.strip().split("\n")[0].replace('|', ' ').strip();
            return r.status == 0 && !line.isEmpty() ? Optional.of(line) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Cancels job {@code id}; returns scancel's message, empty on success. */
    String cancel(long id) {
        try {
            Result r = run(List.of("scancel", String.valueOf(id)), null);
            return r.status == 0 ? "" : r.message("scancel");
        } catch (IOException e) {
            return "scancel: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "scancel: interrupted";
        }
    }

    private record Result(int status, String out, String err) {

        String message(String command) {
            String text = String.join("; ", err.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
            return text.isEmpty() ? command + " failed with exit status " + status : text;
        }
    }

    private Result run(List<String> command, Path cwd) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        Path exe = bin.resolve(cmd.get(0));
        if (Files.isExecutable(exe)) {
            cmd.set(0, exe.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        pb.environment().remove(ChildRuns.PARENT_PID);
        Path err = Files.createTempFile("wasserflow-slurm", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SlurmException(command.get(0) + ": no answer within 120 s");
            }
            return new Result(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
