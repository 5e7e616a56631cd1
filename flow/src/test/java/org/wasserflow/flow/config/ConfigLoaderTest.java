package org.wasserflow.flow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
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
        Path f = Files.writeString(tmp.resolve("e.properties"),
                "a = ${script:javascript:1+1}\nb = ${url:UTF-8:file:///etc/hostname}\nc = ${dns:address|localhost}\nd = ${sys:java.version}\n");
        Map<String, String> c = loader.load(f, List.of());
        assertEquals("${script:javascript:1+1}", c.get("a"));
        assertEquals("${url:UTF-8:file:///etc/hostname}", c.get("b"));
        assertEquals("${dns:address|localhost}", c.get("c"));
        assertEquals(System.getProperty("java.version"), c.get("d"));
    }

    @Test
    void malformedOverrideIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(null, List.of("=3")));
        assertEquals("argument", e.key());
    }
}
