package org.wasserflow.runners.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.flow.Version;

/**
 * Writes what a run needs to be reproduced and compared: the resolved configuration ({@code config.properties},
 * every key the run read with the value it used, defaults included, a literal <code>${</code> written <code>$${</code>; it can be
 * passed back to {@code run}) and {@code provenance.properties} (seed, versions, machine, command line, timings), both
 * UTF-8 text.
 */
public final class Provenance {

    /**
     * Prefix of the provenance entries recording which way each metric column improves ({@code better.w2 = lower},
     * {@code higher} or {@code neither}, from the metrics' declarations), so that a sweep's report can rank runs
     * without constructing the metrics.
     */
    public static final String BETTER = "better.";
    /** Prefix of the entries naming each metric's columns ({@code columns.modes = hq_fraction,modes_covered}), for the report's figures. */
    public static final String COLUMNS = "columns.";

    private Provenance() {
    }

    /**
     * Writes {@code config.properties} into {@code dir}, and {@code config.sha256}: the hash of the keys the results
     * depend on ({@link ConfigHash}).
     */
    public static void writeConfig(Path dir, SortedMap<String, String> effective) throws IOException {
        SortedMap<String, String> literal = new TreeMap<>();
        effective.forEach((k, v) -> literal.put(k, v.replace("${", "$${")));
        write(dir.resolve("config.properties"), "wasserflow resolved configuration", literal);
        Files.writeString(dir.resolve("config.sha256"), ConfigHash.sha256(effective) + "  config.properties less "
                + String.join(", ", new java.util.TreeSet<>(ConfigHash.NOT_RESULTS)) + "\n");
    }

    /** Writes {@code provenance.properties} into {@code dir}: the environment plus {@code extra} entries. */
    public static void writeProvenance(Path dir, Map<String, String> extra) throws IOException {
        SortedMap<String, String> p = new TreeMap<>(environment());
        p.putAll(extra);
        write(dir.resolve("provenance.properties"), "wasserflow run provenance", p);
    }

    /** Whether the run directory {@code dir} holds the provenance of a run that finished its budget ({@code status = completed}). */
    public static boolean completed(Path dir) {
        Path file = dir.resolve("provenance.properties");
        try {
            return Files.isRegularFile(file) && Files.readAllLines(file).contains("status = completed");
        } catch (IOException e) {
            return false;
        }
    }

    /** Versions and machine facts. */
    public static SortedMap<String, String> environment() {
        SortedMap<String, String> p = new TreeMap<>();
        p.put("version.wasserflow", Version.wasserflow());
        p.put("version.java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        p.put("version.nd4j", mavenVersion("org.nd4j", "nd4j-api"));
        p.put("nd4j.backend", Nd4j.getBackend().getClass().getSimpleName());
        p.put("machine.os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        p.put("machine.cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        p.put("machine.omp_num_threads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        p.put("machine.cpu", cpu());
        String core = System.getenv("OPENBLAS_CORETYPE");
        p.put("machine.openblas_coretype", core == null ? "unset (OpenBLAS picks its kernels for this CPU)" : core);
        return p;
    }

    /**
     * The CPU model and whether it has AVX-512. The matrix products' last bits depend on the OpenBLAS kernels,
     * which OpenBLAS picks for the CPU unless {@code OPENBLAS_CORETYPE} names them: runs compare bit for bit
     * only on the same kernels.
     */
    private static String cpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String model = lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
            boolean avx512 = lines.stream().anyMatch(l -> l.startsWith("flags") && l.contains(" avx512f"));
            return model + (avx512 ? ", AVX-512" : ", no AVX-512");
        } catch (IOException e) {
            return System.getProperty("os.arch") + ", AVX-512 not known";
        }
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Nd4j.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void write(Path file, String comment, Map<String, String> entries) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# " + comment + "\n");
            for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
                w.write(escape(e.getKey()) + " = " + escape(e.getValue()) + "\n");
            }
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
