package org.wasserflow.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/** Helpers shared by the contract tests. */
public final class Contracts {

    private Contracts() {
    }

    /** Lower-case letters, digits and inner dashes: the form of every registered name. */
    public static boolean isLogicalName(String name) {
        return name != null && name.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    /**
     * The view a plugin gets of {@code values}: the settings its descriptor declares, validated now; reading
     * any other setting fails, as in a run.
     */
    public static Settings settings(Plugin plugin, Map<String, String> values) {
        return Settings.of(values, plugin.settings());
    }

    /**
     * Checks a descriptor against an instance it describes: the kind, the logical name, the implementation
     * class; every declared setting has a description and a default that reads back as itself.
     */
    public static void checkDescriptor(Plugin plugin, PluginKind<?> kind, Object instance) {
        assertEquals(kind, plugin.kind(), "kind of " + plugin);
        assertTrue(isLogicalName(plugin.name()), "lower-case letters, digits and '-': " + plugin.name());
        assertEquals(plugin.implementation(), instance.getClass(), "the descriptor names the instance's class");
        for (SettingGroup g : plugin.settings()) {
            for (Setting<?> s : g.settings()) {
                assertFalse(s.description().isBlank(), s.key() + " has a description");
                assertEquals(s.formatDefault(), s.resolve(s.formatDefault()), s.key() + "'s default reads back as itself");
            }
        }
    }

    /** The bytes of the floating-point arrays of a plugin's {@code state()}: its parameters, moments, held directions. */
    public static long floatingBytes(Map<String, INDArray> state) {
        return state.values().stream().filter(a -> a.dataType().isFPType()).mapToLong(a -> a.length() * a.dataType().width()).sum();
    }

    /**
     * Checks a descriptor's memory parts ({@link Plugin#memory}) at {@code shape}: a plugin that must declare them
     * ({@code required}: it has trainable parameters) does, with at least one part; each part names a key the plugin
     * declares or one of the run's ({@link RunShape}); and together they cover at least {@code stateBytes}, the
     * floating-point state the instance holds (an estimate below what it visibly keeps is wrong).
     */
    public static void checkMemory(Plugin plugin, Settings settings, RunShape shape, boolean required, long stateBytes) {
        if (required) {
            assertTrue(plugin.memory().isPresent(), plugin + " holds trainable state (" + stateBytes + " bytes) and must declare its "
                    + "memory parts on its descriptor (Plugin.memory)");
        }
        List<MemoryPart> parts = plugin.memoryParts(settings, shape);
        if (required) {
            assertFalse(parts.isEmpty(), plugin + " reports memory parts at " + shape);
        }
        for (MemoryPart part : parts) {
            assertTrue(declares(plugin, part.key()) || RUN_KEYS.contains(part.key()), part.what() + ": its key " + part.key()
                    + " is one " + plugin + " declares or one of " + RUN_KEYS);
        }
        long total = parts.stream().mapToLong(MemoryPart::total).sum();
        assertTrue(stateBytes == 0 || total >= stateBytes, plugin + "'s memory parts (" + total + " bytes) cover its state ("
                + stateBytes + " bytes)");
    }

    private static final Set<String> RUN_KEYS = Set.of(RunShape.BATCH, RunShape.EVAL_SOURCE, RunShape.EVAL_DATA);

    /** Whether {@code key} is declared by one of the plugin's groups. */
    public static boolean declares(Plugin plugin, String key) {
        return plugin.settings().stream().flatMap(g -> g.settings().stream()).anyMatch(s -> s.key().equals(key));
    }

    /**
     * The central finite difference, step 1e-6, of {@code f} in the entry {@code k} (linear, row-major) of the
     * contiguous array {@code values}, which is perturbed in place and restored. Use double precision.
     */
    public static double centralDifference(INDArray values, long k, DoubleSupplier f) {
        double h = 1e-6;
        double v = values.getDouble(k);
        values.putScalar(k, v + h);
        double up = f.getAsDouble();
        values.putScalar(k, v - h);
        double down = f.getAsDouble();
        values.putScalar(k, v);
        return (up - down) / (2 * h);
    }

    /** A standard Gaussian vector. */
    static double[] gaussian(Random rnd, int d) {
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = rnd.nextGaussian();
        }
        return v;
    }
}
