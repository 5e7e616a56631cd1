package org.wasserflow.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.Metric;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * Every completed run ends with one line {@code verdict: ...} after its final line, the metrics' phrases for the
 * last evaluation, which the provenance records as {@code verdict}; modes and mode-stats judge labelled file data
 * by its labels.
 */
class VerdictLineTest {

    @TempDir
    Path tmp;

    @Test
    void aSeededShortRunEndsWithTheVerdictOfItsFinalMetrics() throws IOException, InterruptedException {
        List<String> cmd = TestRuns.ringRun(List.of("run.iterations=6", "run.log_every=3", "flow.batch=64", "eval.source_size=200",
                "eval.data_size=200", "run.out=" + tmp, "run.name=short"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("short.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run ends");
        List<String> log = Files.readAllLines(tmp.resolve("short.log")).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(0, p.exitValue(), String.join("\n", log));
        Matcher last = Pattern.compile("\\d\\d:\\d\\d:\\d\\d verdict: (.*)").matcher(log.get(log.size() - 1));
        assertTrue(last.matches(), "the last line is the verdict: " + log.get(log.size() - 1));
        assertTrue(log.get(log.size() - 2).contains(" done in "), "after the final line: " + log.get(log.size() - 2));
        String finalLine = log.stream().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d it .*")).reduce((a, b) -> b).orElseThrow();
        assertTrue(finalLine.matches("\\d\\d:\\d\\d:\\d\\d it +6 +train +[0-9.]+s +w2 [0-9.]+ +w2_floor [0-9.]+ +w1 .*"),
                "the metrics lines are unchanged: " + String.join("\n", log));
        Map<String, String> provenance = provenance(tmp.resolve("short"));
        String verdict = last.group(1);
        assertEquals(verdict, provenance.get("verdict"));
        String[] phrases = verdict.split("; ");
        assertEquals(5, phrases.length, "one phrase per metric of the preset (w2, w1, energy, modes, mode-stats): " + verdict);
        for (int i = 0; i < 3; i++) {
            String metric = List.of("w2", "w1", "energy").get(i);
            assertEquals(Metric.againstFloor(metric, value(provenance, metric), value(provenance, metric + "_floor")), phrases[i]);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "%d/8 modes, %.0f%% high quality", Math.round(value(provenance, "modes_covered")),
                100 * value(provenance, "hq_fraction")), phrases[3]);
        double ratio = value(provenance, "mode_std_ratio_mean");
        assertTrue(Double.isNaN(ratio) ? phrases[4].equals("no mode has two high-quality points")
                : phrases[4].startsWith(String.format(java.util.Locale.ROOT, "modes %.2f as wide as the data", ratio)), phrases[4]);
    }

    @Test
    void modesJudgeLabelledFileDataByItsLabels() throws IOException {
        Path circle = Path.of("..", "examples", "data", "circle.csv");
        List<String> args = new ArrayList<>(List.of("data=csv", "data.path=" + circle, "data.columns=x,y", "data.label_column=quadrant",
                "source.std=0.05", "metrics=modes,mode-stats", "eval.source_size=500", "eval.data_size=500", "run.iterations=2",
                "run.log_every=2", "flow.batch=64", "run.out=" + tmp, "run.name=circle"));
        Map<String, Double> last = new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args),
                getClass().getClassLoader(), "test").execute();
        assertTrue(last.containsKey("modes_covered") && last.containsKey("mode_std_ratio_mean_floor"), last.toString());
        assertTrue(Math.abs(last.get("mode_std_ratio_mean_floor") - 1) < 0.15, "a data sample is as wide as the data: " + last);
        assertTrue(provenance(tmp.resolve("circle")).get("verdict").matches("\\d/4 modes, .*"), "four quadrants");
    }

    private static double value(Map<String, String> provenance, String column) {
        return Double.parseDouble(provenance.get("final." + column));
    }

    private static Map<String, String> provenance(Path run) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(run.resolve("provenance.properties"))) {
            p.load(in);
        }
        Map<String, String> out = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
