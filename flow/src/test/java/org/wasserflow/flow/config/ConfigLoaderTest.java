package org.wasserflow.flow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasserflow.api.ConfigException;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void commandLineOverridesWinAndListsStayWhole() throws IOException {
        Path f = Files.writeString(tmp.resolve("e.properties"), "flow.K = 5\ncritic.hidden = 64,64\nrun.seed = 3\n");
        Map<String, String> c = loader.load(f, List.of("flow.K=1", "w2.lambda=10"));
        assertEquals("1", c.get("flow.K"));
        assertEquals("64,64", c.get("critic.hidden"));
        assertEquals("3", c.get("run.seed"));
        assertEquals("10", c.get("w2.lambda"));
    }

    @Test
    void emptyValuesStayEmpty() throws IOException {
        Path f = Files.writeString(tmp.resolve("e.properties"), "plugins.dir =\nrun.name = x\n");
        Map<String, String> c = loader.load(f, List.of("ablate.name="));
        assertEquals("", c.get("plugins.dir"));
        assertEquals("", c.get("ablate.name"));
    }

    @Test
    void includesAndReferencesResolve() throws IOException {
        Files.writeString(tmp.resolve("base.properties"), "flow.batch = 256\nflow.K = 3\n");
        Path f = Files.writeString(tmp.resolve("e.properties"), "include = base.properties\nflow.K = 7\nrun.name = k${flow.K}\n");
        Map<String, String> c = loader.load(f, List.of());
        assertEquals("256", c.get("flow.batch"));
        assertEquals("k7", c.get("run.name"));
    }

    @Test
    void yamlNestedKeysFlatten() throws IOException {
        Path f = Files.writeString(tmp.resolve("e.yaml"), "loss: w2\nw2:\n  lambda: 50\n  penalty: linear\ncritic:\n  hidden: [64, 32]\n");
        Map<String, String> c = loader.load(f, List.of());
        assertEquals("50", c.get("w2.lambda"));
        assertEquals("linear", c.get("w2.penalty"));
        assertEquals("64,32", c.get("critic.hidden"));
    }

    @Test
    void scriptUrlAndDnsLookupsStayDisabled() throws IOException {
        for (String ref : List.of("${script:javascript:1+1}", "${url:UTF-8:file:///etc/hostname}", "${dns:address|localhost}")) {
            Path f = Files.writeString(tmp.resolve("e.properties"), "a = " + ref + "\n");
            ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f, List.of()));
            assertEquals("a", e.key());
            assertTrue(e.getMessage().contains("no other lookups are enabled"), e.getMessage());
        }
        Path f = Files.writeString(tmp.resolve("e.properties"), "d = ${sys:java.version}\n");
        assertEquals(System.getProperty("java.version"), loader.load(f, List.of()).get("d"));
    }

    @Test
    void nonAsciiTextReadsAsUtf8InPropertiesIncludesAndYaml() throws IOException {
        Files.writeString(tmp.resolve("base.properties"), "data.path = données/x.csv\n", StandardCharsets.UTF_8);
        Path props = Files.writeString(tmp.resolve("e.properties"), "include = base.properties\nrun.name = Ünï-运行\n", StandardCharsets.UTF_8);
        Map<String, String> c = loader.load(props, List.of());
        assertEquals("Ünï-运行", c.get("run.name"));
        assertEquals("données/x.csv", c.get("data.path"));
        Path yaml = Files.writeString(tmp.resolve("e.yaml"), "run:\n  name: Ünï-运行\n", StandardCharsets.UTF_8);
        assertEquals("Ünï-运行", loader.load(yaml, List.of()).get("run.name"));
    }

    @Test
    void fileThatIsNotUtf8IsRefusedNamingTheLine() throws IOException {
        Path f = Files.write(tmp.resolve("e.properties"), "flow.K = 1\nrun.name = donn\u00e9es\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f, List.of()));
        assertTrue(e.getMessage().contains("is not UTF-8 text (line 2"), e.getMessage());
    }

    @Test
    void yamlFlatDottedKeysReadLikeNestedOnes() throws IOException {
        Path f = Files.writeString(tmp.resolve("e.yaml"), "eval.data_size: 300\nflow:\n  K: 2\ncritic.hidden: [64, 32]\nrun.name: r${flow.K}\n");
        Map<String, String> c = loader.load(f, List.of());
        assertEquals("300", c.get("eval.data_size"));
        assertEquals("2", c.get("flow.K"));
        assertEquals("64,32", c.get("critic.hidden"));
        assertEquals("r2", c.get("run.name"));
        assertEquals(4, c.size(), c.toString());
    }

    @Test
    void yamlKeySetNestedAndDottedIsRefused() throws IOException {
        Path f = Files.writeString(tmp.resolve("e.yaml"), "eval:\n  data_size: 200\neval.data_size: 300\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f, List.of()));
        assertEquals("eval.data_size", e.key());
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void selfReferenceIsRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(null, List.of("run.name=${run.name}x")));
        assertEquals("run.name", e.key());
        assertTrue(e.getMessage().contains("run.name -> run.name"), e.getMessage());
        ConfigException loop = assertThrows(ConfigException.class, () -> loader.load(null, List.of("a=${b}", "b=1${a}")));
        assertTrue(loop.getMessage().contains("a -> b -> a"), loop.getMessage());
    }

    @Test
    void undefinedReferenceIsRefusedAndEscapedOneIsLiteral() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(null, List.of("run.name=r-${run.seeed}")));
        assertEquals("run.name", e.key());
        assertTrue(e.getMessage().contains("${run.seeed} is undefined"), e.getMessage());
        ConfigException env = assertThrows(ConfigException.class, () -> loader.load(null, List.of("run.out=${env:WASSERFLOW_NO_SUCH_VAR}")));
        assertEquals("run.out", env.key());
        Map<String, String> c = loader.load(null, List.of("a=$${b}", "c=${a}"));
        assertEquals("${b}", c.get("a"));
        assertEquals("${b}", c.get("c"));
    }

    @Test
    void malformedOverrideIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(null, List.of("=3")));
        assertEquals("argument", e.key());
    }
}
