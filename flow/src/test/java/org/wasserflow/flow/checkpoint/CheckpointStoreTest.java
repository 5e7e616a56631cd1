package org.wasserflow.flow.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.ConfigException;

/**
 * The checkpoint store on its own: a corrupted newest checkpoint is passed over for the previous intact one with a
 * warning (and refused when none is intact), a checkpoint of another configuration is refused without falling
 * back, orphaned temporary directories are removed, the best checkpoint lives beside the newest ones and replaces
 * its predecessor, and the manifest records this wasserflow's version.
 */
class CheckpointStoreTest {

    private static final SortedMap<String, String> CONFIG = new TreeMap<>(Map.of("run.seed", "1"));

    @TempDir
    Path run;

    @Test
    void aCorruptedNewestCheckpointFallsBackToThePreviousIntactOne() throws IOException {
        CheckpointStore store = new CheckpointStore(run, 2);
        store.write(1, state(1), CONFIG, Map.of());
        Path newest = store.write(2, state(2), CONFIG, Map.of());
        flipAByte(newest.resolve("state.npz"));
        List<String> warnings = new ArrayList<>();
        CheckpointStore.Checkpoint c = store.readNewest(CONFIG, warnings::add);
        assertEquals(1, c.iteration());
        assertEquals(1.0, c.arrays().get("w").getDouble(0), 0.0);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(newest + " is corrupted") && warnings.get(0).endsWith("using the previous intact checkpoint it-000000001"),
                warnings.get(0));

        flipAByte(run.resolve("checkpoints/it-000000001/state.npz"));
        ConfigException none = assertThrows(ConfigException.class, () -> store.readNewest(CONFIG, warnings::add));
        assertInstanceOf(CheckpointStore.Corrupted.class, none);
        assertTrue(none.getMessage().endsWith("and no older checkpoint is intact"), none.getMessage());
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsRefusedWithoutFallingBack() throws IOException {
        CheckpointStore store = new CheckpointStore(run, 2);
        store.write(1, state(1), CONFIG, Map.of());
        store.write(2, state(2), CONFIG, Map.of());
        ConfigException other = assertThrows(ConfigException.class, () -> store.readNewest(new TreeMap<>(Map.of("run.seed", "2")), w -> { }));
        assertFalse(other instanceof CheckpointStore.Corrupted);
        assertTrue(other.getMessage().contains("it-000000002 was written for another configuration"), other.getMessage());
    }

    @Test
    void orphansAreRemovedAndTheBestCheckpointLivesBesideTheNewest() throws IOException {
        CheckpointStore store = new CheckpointStore(run, 1);
        Path orphan = Files.createDirectories(run.resolve("checkpoints/.writing-42"));
        Files.write(orphan.resolve("state.npz"), new byte[10]);
        store.writeBest(1, state(1), CONFIG, Map.of("best.value", "0.5"));
        store.write(1, state(1), CONFIG, Map.of());
        store.writeBest(3, state(3), CONFIG, Map.of("best.value", "0.4"));
        store.write(4, state(4), CONFIG, Map.of());
        assertEquals(List.of(orphan), store.removeOrphans());
        assertFalse(Files.exists(orphan));
        assertEquals(List.of(run.resolve("checkpoints/it-000000004")), store.list(), "keep=1 keeps the newest; the best is not counted");
        assertEquals(run.resolve("checkpoints/best-it-000000003"), store.best().orElseThrow());
        assertFalse(Files.exists(run.resolve("checkpoints/best-it-000000001")), "the previous best is removed");
        CheckpointStore.Checkpoint best = CheckpointStore.read(store.best().orElseThrow(), CONFIG);
        assertEquals(3.0, best.arrays().get("w").getDouble(0), 0.0);
        assertEquals("0.4", best.manifest().get("best.value"));
        assertTrue(best.manifest().get("version.wasserflow").matches("\\d+\\.\\d+\\.\\d+.*"), best.manifest().get("version.wasserflow"));
    }

    private static Map<String, INDArray> state(double value) {
        return Map.of("w", Nd4j.createFromArray(new double[] {value, 2 * value, 3 * value}));
    }

    private static void flipAByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }
}
