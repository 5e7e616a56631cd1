package org.wasserflow.runners.ablate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts each run of a sweep as {@code wasserflow run <config>} in its own JVM, with the same Java, class
 * path and system properties as this one, its output going to a log file. The child watches this process
 * ({@link #PARENT_PID}) and stops when it disappears, so a killed sweep leaves no runs behind. When this JVM
 * is stopped by SIGTERM or SIGINT, a shutdown hook sends SIGTERM to every running child, which finishes its
 * iteration, writes a checkpoint and provenance marked {@code interrupted} and exits; the hook waits for them
 * up to a bound, kills those still running after it, and prints one line saying what was kept and the command
 * that continues the sweep. {@link #close} removes the hook once no child can run any more.
 */
public final class ChildRuns implements AutoCloseable {

    /** The environment variable that tells a child run which process to watch. */
    static final String PARENT_PID = "WASSERFLOW_PARENT_PID";

    private final Map<Process, PlannedRun> live = new ConcurrentHashMap<>();
    private final int stopWaitSeconds;
    private final String rerun;
    private final Thread hook;
    private volatile boolean stopping;

    /**
     * @param stopWaitSeconds how long an interrupted sweep waits for its runs to checkpoint and exit
     * @param rerun the command that continues the sweep, for the message
     */
    ChildRuns(int stopWaitSeconds, String rerun) {
        this.stopWaitSeconds = stopWaitSeconds;
        this.rerun = rerun;
        this.hook = new Thread(this::stop, "wasserflow-stop-runs");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether this JVM is stopping its children (it was given SIGTERM or SIGINT); no new child starts then. */
    boolean stopping() {
        return stopping;
    }

    /**
     * Runs {@code run} to completion; returns the child's exit status.
     *
     * @param configFile where the run's configuration is written first
     * @param log the child's standard output and error
     * @throws InterruptedException also if the sweep is stopping, without starting the run
     */
    int execute(PlannedRun run, Path configFile, Path log) throws IOException, InterruptedException {
        writeConfig(run, configFile);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command(configFile)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put(PARENT_PID, String.valueOf(ProcessHandle.current().pid()));
        Process p;
        synchronized (live) {
            if (stopping) {
                throw new InterruptedException("the sweep is stopping");
            }
            p = pb.start();
            live.put(p, run);
        }
        try {
            return p.waitFor();
        } finally {
            live.remove(p);
        }
    }

    /** The shutdown hook: SIGTERM to each child, a bounded wait for their checkpoints, then one line for the console. */
    private void stop() {
        Map<Process, PlannedRun> running;
        synchronized (live) {
            stopping = true;
            running = new java.util.LinkedHashMap<>(live);
        }
        if (!running.isEmpty()) {
            System.err.println("wasserflow: interrupted; asking " + running.size() + " running run(s) to checkpoint and stop (waiting up to "
                    + stopWaitSeconds + " s)");
        }
        running.keySet().forEach(Process::destroy);
        long deadline = System.nanoTime() + stopWaitSeconds * 1_000_000_000L;
        List<String> kept = new ArrayList<>();
        List<String> killed = new ArrayList<>();
        for (Map.Entry<Process, PlannedRun> e : running.entrySet()) {
            boolean ended;
            try {
                ended = e.getKey().waitFor(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                ended = false;
            }
            if (!ended) {
                e.getKey().destroyForcibly();
                killed.add(e.getValue().label());
            } else {
                kept.add(e.getValue().label() + " (" + e.getValue().stoppedAt() + ")");
            }
        }
        List<String> parts = new ArrayList<>();
        if (!kept.isEmpty()) {
            parts.add("stopped " + String.join(", ", kept));
        }
        if (!killed.isEmpty()) {
            parts.add("killed after " + stopWaitSeconds + " s, their last checkpoints kept: " + String.join(", ", killed));
        }
        parts.add("completed runs are kept; continue the sweep with: " + rerun);
        System.err.println("wasserflow: sweep interrupted; " + String.join("; ", parts));
    }

    /** Removes the shutdown hook (no child runs any more); does nothing while the JVM is already shutting down. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it reports the stopped runs
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
