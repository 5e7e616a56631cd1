package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts each run of a sweep as {@code wasserflow run <config>} in its own JVM, with the same Java, class
 * path and system properties as this one, its output going to a log file. The child watches this process
 * ({@link #PARENT_PID}) and stops when it disappears, so a killed sweep leaves no runs behind; a shutdown hook
 * stops the children when this JVM is interrupted.
 */
public final class ChildRuns {

    /** The environment variable that tells a child run which process to watch. */
    static final String PARENT_PID = "WASSERFLOW_PARENT_PID";

    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    ChildRuns() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> live.forEach(Process::destroyForcibly)));
    }

    /**
     * Runs {@code run} to completion; returns the child's exit status.
     *
     * @param configFile where the run's configuration is written first
     * @param log the child's standard output and error
     */
    int execute(PlannedRun run, Path configFile, Path log) throws IOException, InterruptedException {
        writeConfig(run, configFile);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command(configFile)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put(PARENT_PID, String.valueOf(ProcessHandle.current().pid()));
        Process p = pb.start();
        live.add(p);
        try {
            return p.waitFor();
        } finally {
            live.remove(p);
        }
    }

    /** Writes the configuration file of {@code run} (UTF-8, a resolved <code>${</code> kept literal as <code>$${</code>), creating its directory. */
    static void writeConfig(PlannedRun run, Path configFile) throws IOException {
        Files.createDirectories(configFile.getParent());
        try (Writer w = Files.newBufferedWriter(configFile, java.nio.charset.StandardCharsets.UTF_8)) {
            w.write("# wasserflow sweep run " + run.label() + "\n");
            for (Map.Entry<String, String> e : run.config().entrySet()) {
                w.write(e.getKey() + " = " + e.getValue().replace("\\", "\\\\").replace("${", "$${") + "\n");
            }
        }
    }

    /** The JDK's incubating Vector API, which the networks' thin products use when the JVM was started with it. */
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * The command line that runs {@code wasserflow run <configFile>} with this JVM's Java, class path, properties
     * and Vector API module.
     */
    static List<String> command(Path configFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            cmd.add("--add-modules");
            cmd.add(VECTOR_MODULE);
        }
        for (String p : List.of("org.bytedeco.javacpp.cachedir", "java.awt.headless", "logback.configurationFile")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-cp");
        cmd.add(java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        cmd.add("org.wasserflow.runners.Main");
        cmd.add("run");
        cmd.add(configFile.toString());
        return cmd;
    }

    /** In a child run: stops this JVM when the sweep that started it is gone. Does nothing otherwise. */
    public static void watchParent() {
        String pid = System.getenv(PARENT_PID);
        if (pid == null) {
            return;
        }
        Thread t = new Thread(() -> {
            while (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(3);
        }, "wasserflow-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
