package org.wasserflow.runners.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.runners.TrainCommand;
import org.wasserflow.runners.report.MetricsTable;

/**
 * Every template under {@code examples/} (a loss with its estimator, a generator, a law and a metric) built as its
 * own Maven project outside the reactor, against the wasserflow API and its contract kit as a plugin author gets
 * them (the API jar and test-jar in a repository), each with its own contract tests run by that build; the jars it
 * makes are dropped into a plugins directory, and W2-FE trains 50 iterations with each template's plugins.
 */
class ExternalPluginBuildTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final List<String> TEMPLATES = List.of("loss-plugin", "generator-plugin", "problem-plugin");
    private static final String VERSION = "0.0.0-test";

    @TempDir
    Path tmp;

    @Test
    void everyTemplateBuiltOutsideTheReactorTrainsWhenDroppedIn() throws IOException, InterruptedException {
        Path repo = tmp.resolve("repo");
        Path api = repo.resolve("org/wasserflow/wasserflow-api/" + VERSION);
        Files.createDirectories(api);
        jar(Path.of("..", "api", "target", "classes"), api.resolve("wasserflow-api-" + VERSION + ".jar"));
        jar(Path.of("..", "api", "target", "test-classes"), api.resolve("wasserflow-api-" + VERSION + "-tests.jar"));
        Files.writeString(api.resolve("wasserflow-api-" + VERSION + ".pom"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>org.wasserflow</groupId><artifactId>wasserflow-api</artifactId>
                <version>%s</version><dependencies><dependency><groupId>org.nd4j</groupId><artifactId>nd4j-api</artifactId>
                <version>1.0.0-M2.1</version></dependency></dependencies></project>
                """.formatted(VERSION));
        Path build = Files.createDirectories(tmp.resolve("templates"));
        StringBuilder modules = new StringBuilder();
        for (String t : TEMPLATES) {
            copy(EXAMPLES.resolve(t), build.resolve(t));
            modules.append("<module>").append(t).append("</module>");
        }
        Files.writeString(build.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>test</groupId><artifactId>templates</artifactId><version>1</version>
                <packaging>pom</packaging><modules>%s</modules></project>
                """.formatted(modules));
        Path log = tmp.resolve("build.log");
        List<String> command = List.of(mvn(), "-B", "-s", settings(repo).toString(), "-Dmaven.repo.local=" + tmp.resolve("m2"),
                "-Dwasserflow.version=" + VERSION, "package");
        Process p = new ProcessBuilder(command).directory(build.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the template builds finish");
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), "the templates' own builds and contract tests pass:\n" + tail(output));
        long summaries = Pattern.compile("Tests run: [1-9]\\d*, Failures: 0, Errors: 0, Skipped: \\d+\\R").matcher(output).results().count();
        assertEquals(TEMPLATES.size(), summaries, "each template's contract tests ran:\n" + tail(output));

        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        for (String t : TEMPLATES) {
            try (Stream<Path> jars = Files.list(build.resolve(t).resolve("target"))) {
                for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, plugins.resolve(t + ".jar"));
                }
            }
        }
        double[] w2 = train(plugins, "loss", "loss=moment-w2", "potential=gaussian-map", "metrics=w2,energy").column("w2");
        assertTrue(w2[w2.length - 1] < 0.9 * w2[0], "the template loss and estimator move the law: " + Arrays.toString(w2));
        w2 = train(plugins, "generator", "generator=affine", "potential=exact-ot", "metrics=w2,energy").column("w2");
        assertTrue(w2[w2.length - 1] < 0.9 * w2[0], "the template generator learns: " + Arrays.toString(w2));
        MetricsTable m = train(plugins, "moons", "data=two-moons", "data.noise=0.05", "metrics=w2,moments");
        double[] mean = m.column("moments_mean");
        w2 = m.column("w2");
        assertTrue(w2[w2.length - 1] < 0.5 * w2[0], "W2 to the moons falls: " + Arrays.toString(w2));
        assertTrue(mean[mean.length - 1] < mean[0], "the plugin metric is logged and falls: " + Arrays.toString(mean));
        assertTrue(Files.readString(tmp.resolve("moons/provenance.properties")).contains("problem-plugin.jar"), "provenance names the plugin");
    }

    /** Trains 50 iterations of the ring preset with the plugins of {@code plugins} and {@code selections}. */
    private MetricsTable train(Path plugins, String name, String... selections) throws IOException {
        List<String> args = new ArrayList<>(List.of("plugins.dir=" + plugins, "run.out=" + tmp, "run.name=" + name, "run.iterations=50",
                "run.log_every=25", "flow.batch=256", "eval.source_size=500", "eval.data_size=500"));
        args.addAll(List.of(selections));
        new TrainCommand(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), args), getClass().getClassLoader(),
                "test").execute();
        return MetricsTable.read(tmp.resolve(name).resolve("metrics.csv"));
    }

    /**
     * Maven settings for the nested build: the repository with the API artifacts, then this machine's local
     * repository as a read-only source (so nothing is downloaded twice), then Maven Central.
     */
    private Path settings(Path repo) throws IOException {
        String local = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        String repos = """
                <repository><id>wasserflow-api</id><url>%s</url></repository>
                <repository><id>this-machine</id><url>%s</url></repository>
                <repository><id>central</id><url>https://repo.maven.apache.org/maven2</url></repository>
                """.formatted(repo.toUri(), local);
        String xml = """
                <settings><profiles><profile><id>plugin-build</id>
                <repositories>%s</repositories>
                <pluginRepositories>%s</pluginRepositories>
                </profile></profiles><activeProfiles><activeProfile>plugin-build</activeProfile></activeProfiles></settings>
                """.formatted(repos, repos.replace("repository>", "pluginRepository>"));
        return Files.writeString(tmp.resolve("settings.xml"), xml);
    }

    private static String mvn() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(p -> !p.toString().contains("target")).toList()) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(p, dst);
                }
            }
        }
        return to;
    }

    private static void jar(Path classes, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out); Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(p));
                jar.closeEntry();
            }
        }
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
