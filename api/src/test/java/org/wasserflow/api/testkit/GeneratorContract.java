package org.wasserflow.api.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wasserflow.api.Capability;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;

/**
 * The contract of a {@link Generator} plugin, for its tests to extend (they need an ND4J backend on the test
 * class path): a descriptor that describes it; bad settings rejected with a {@link ConfigException} naming the
 * key; {@code generate} returns a finite float batch of the source's shape and leaves the source alone;
 * {@code regress} brings the generated points closer to their targets; {@code infer} maps each point on its own
 * (the same image alone or in a batch) and changes no state; a generator that declares
 * {@link Capability#DESCEND} moves its points against the output gradient it is given; and its
 * {@code state()} restores it exactly into a new instance, which then continues as the saved one would (what
 * checkpoints and {@code wasserflow resume} rely on); and a generator with parameters ({@link Capability#DESCEND})
 * declares memory parts on its descriptor that cover at least its floating-point state.
 */
public abstract class GeneratorContract {

    /** The descriptor the generator is registered with; its setting groups make the view {@link #create} gets. */
    protected abstract Plugin plugin();

    /** A new generator reading {@code settings} (absent keys at their defaults), as the runner would construct it. */
    protected abstract Generator create(Settings settings);

    /** A generator made from {@code values} through the descriptor's view, which refuses undeclared settings. */
    protected final Generator create(Map<String, String> values) {
        return create(Contracts.settings(plugin(), values));
    }

    /** Settings that must each be refused, key to bad value; default none. */
    protected Map<String, String> invalidSettings() {
        return Map.of();
    }

    /** Batch size of the checks, default 64. */
    protected int batch() {
        return 64;
    }

    /** Dimension of the checks, default 2. */
    protected int dimension() {
        return 2;
    }

    private final Random rng = Nd4j.getRandomFactory().getNewRandomInstance(23);

    private INDArray points(double shift) {
        return Nd4j.randn(rng, batch(), dimension()).castTo(DataType.FLOAT).addi(shift);
    }

    private static double meanSquare(INDArray a, INDArray b) {
        INDArray d = a.sub(b);
        return d.mul(d).meanNumber().doubleValue();
    }

    @Test
    void descriptorDescribesTheGenerator() {
        Generator g = create(Map.of());
        Contracts.checkDescriptor(plugin(), PluginKind.GENERATOR, g);
        invalidSettings().keySet().forEach(key -> assertTrue(Contracts.declares(plugin(), key), key + " is declared by " + plugin()));
    }

    @Test
    void aGeneratorWithParametersDeclaresMemoryThatCoversThem() {
        Generator g = create(Map.of());
        g.generate(points(0));
        boolean parameters = plugin().provides().contains(Capability.DESCEND);
        long state = parameters ? Contracts.floatingBytes(g.state()) : 0;
        Contracts.checkMemory(plugin(), Contracts.settings(plugin(), Map.of()),
                new RunShape(dimension(), batch(), batch(), batch(), batch()), parameters, state);
    }

    @Test
    void badSettingsAreRejectedNamingTheKey() {
        invalidSettings().forEach((key, value) -> {
            ConfigException e = assertThrows(ConfigException.class, () -> create(Map.of(key, value)).generate(points(0)),
                    key + "=" + value + " must be refused");
            assertTrue(e.getMessage().contains(key), "the error names " + key + ": " + e.getMessage());
        });
    }

    @Test
    void generateHasTheSourceShapeIsFiniteAndLeavesTheSourceAlone() {
        Generator g = create(Map.of());
        INDArray z = points(0);
        INDArray z0 = z.dup();
        INDArray y = g.generate(z);
        assertArrayEquals(z.shape(), y.shape());
        assertEquals(DataType.FLOAT, y.dataType());
        for (double value : y.dup().data().asDouble()) {
            assertTrue(Double.isFinite(value), "finite generated points");
        }
        assertEquals(z0, z, "source unchanged");
    }

    @Test
    void regressBringsTheGeneratedPointsTowardsTheirTargets() {
        Generator g = create(Map.of());
        INDArray z = points(0);
        INDArray target = g.generate(z).add(0.5f);
        double before = meanSquare(g.generate(z), target);
        for (int step = 0; step < 20; step++) {
            g.regress(z, target);
        }
        double after = meanSquare(g.generate(z), target);
        assertTrue(after < 0.9 * before, "mean squared distance to the targets " + before + " -> " + after);
    }

    @Test
    void descendMovesAgainstTheOutputGradient() {
        Assumptions.assumeTrue(plugin().provides().contains(Capability.DESCEND), plugin().name() + " does not declare DESCEND");
        Generator g = create(Map.of());
        INDArray z = points(0);
        INDArray target = g.generate(z).add(0.5f);
        double before = meanSquare(g.generate(z), target);
        for (int step = 0; step < 20; step++) {
            INDArray gradient = g.generate(z).sub(target).divi(batch());
            g.descend(z, gradient);
        }
        double after = meanSquare(g.generate(z), target);
        assertTrue(after < 0.9 * before, "descending 0.5 |G(z) - t|^2 / m: " + before + " -> " + after);
    }

    /** Whether {@link Generator#infer} maps each source point on its own; true by default (not for particle mode). */
    protected boolean infersEachPoint() {
        return true;
    }

    @Test
    void inferMapsEachPointOnItsOwnAndChangesNothing() {
        Assumptions.assumeTrue(infersEachPoint(), plugin().name() + " does not map single points");
        Generator g = create(Map.of());
        for (int step = 0; step < 5; step++) {
            INDArray z = points(0);
            g.regress(z, z.add(0.5f));
        }
        INDArray z = points(0);
        INDArray all = g.infer(z);
        assertArrayEquals(z.shape(), all.shape());
        INDArray head = g.infer(z.get(NDArrayIndex.interval(0, 10), NDArrayIndex.all()).dup());
        double diff = head.sub(all.get(NDArrayIndex.interval(0, 10), NDArrayIndex.all())).norm1Number().doubleValue();
        assertTrue(diff < 1e-5 * head.length(), "10 points alone and inside " + batch() + " differ by " + diff + " in all");
        Map<String, INDArray> before = g.state();
        assertArrayEquals(all.data().asFloat(), g.infer(z).data().asFloat(), "a second call gives the same images");
        Map<String, INDArray> after = g.state();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v.data().asBytes(), after.get(k).data().asBytes(), "inference leaves '" + k + "' alone"));
    }

    @Test
    void itsStateRestoresItExactly() {
        Generator a = create(Map.of());
        INDArray z = points(0);
        INDArray target = points(1);
        a.regress(z, target);
        a.regress(z, target);
        Generator b = create(Map.of());
        b.restore(a.state());
        assertArrayEquals(a.infer(z).data().asFloat(), b.infer(z).data().asFloat(), "a restored generator infers as the saved one");
        assertEquals(a.generate(z), b.generate(z), "a restored generator generates as the saved one");
        INDArray next = points(-1);
        a.regress(z, next);
        b.regress(z, next);
        assertEquals(a.generate(z), b.generate(z), "and continues training exactly as the saved one would");
    }
}
