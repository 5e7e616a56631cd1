package org.wasserflow.api.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Pair;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;

/**
 * The contract of a {@link PotentialEstimator} plugin, for its tests to extend (they need an ND4J backend on
 * the test class path): a descriptor that describes it (kind, name, class, described settings with valid
 * defaults); bad settings rejected with a {@link ConfigException} naming the key; the estimator reads only
 * the settings its descriptor declares (the view refuses others); its {@code state()} restores it exactly
 * into a new instance; after {@code fit}, a velocity of shape {@code [m, d]} in the input's type (float), finite, leaving its
 * inputs unchanged; and, where the estimator says which objective it descends, a velocity equal to
 * {@code -m} times that objective's gradient in the generated points (central finite differences, double
 * precision); and an estimator that keeps floating-point state after {@code fit} (trained parameters, moments,
 * held directions) declares memory parts on its descriptor that cover at least that state.
 */
public abstract class PotentialEstimatorContract {

    /** The descriptor the estimator is registered with; its setting groups make the view {@link #create} gets. */
    protected abstract Plugin plugin();

    /** A new estimator reading {@code settings} (absent keys at their defaults), as the runner would construct it. */
    protected abstract PotentialEstimator create(Settings settings);

    /** An estimator made from {@code values} through the descriptor's view, which refuses undeclared settings. */
    protected final PotentialEstimator create(Map<String, String> values) {
        return create(Contracts.settings(plugin(), values));
    }

    /** Settings that must each be refused, key to bad value; default none. */
    protected Map<String, String> invalidSettings() {
        return Map.of();
    }

    /**
     * The objective {@code J(y)} whose gradient the velocity of {@code estimator} at {@code y} descends, for
     * data {@code x}: {@code velocity = -m grad_y J}. The function is evaluated only after that velocity call,
     * so a stochastic estimator can fix its randomness to that call's. Empty (the default) where no such
     * objective exists. The check runs in double precision: estimators with an objective must accept double
     * arrays (the SPI's arrays are float otherwise).
     */
    protected Optional<ToDoubleFunction<INDArray>> objective(PotentialEstimator estimator, INDArray x) {
        return Optional.empty();
    }

    /** Batch size of the checks, default 24. */
    protected int batch() {
        return 24;
    }

    /** Dimension of the checks, default 2. */
    protected int dimension() {
        return 2;
    }

    private final Random rng = Nd4j.getRandomFactory().getNewRandomInstance(17);

    private INDArray points(double shift, DataType type) {
        return Nd4j.randn(rng, batch(), dimension()).castTo(type).addi(shift);
    }

    @Test
    void descriptorDescribesTheEstimator() {
        PotentialEstimator p = create(Map.of());
        Contracts.checkDescriptor(plugin(), PluginKind.POTENTIAL, p);
        invalidSettings().keySet().forEach(key -> assertTrue(Contracts.declares(plugin(), key), key + " is declared by " + plugin()));
    }

    @Test
    void anEstimatorWithTrainableStateDeclaresMemoryThatCoversIt() {
        PotentialEstimator p = create(Map.of());
        p.fit(() -> new Pair(points(0, DataType.FLOAT), points(2, DataType.FLOAT)));
        p.velocity(points(0, DataType.FLOAT), points(2, DataType.FLOAT));
        long state = Contracts.floatingBytes(p.state());
        Contracts.checkMemory(plugin(), Contracts.settings(plugin(), Map.of()),
                new RunShape(dimension(), batch(), batch(), batch(), batch()), state > 0, state);
    }

    @Test
    void badSettingsAreRejectedNamingTheKey() {
        invalidSettings().forEach((key, value) -> {
            ConfigException e = assertThrows(ConfigException.class, () -> {
                PotentialEstimator p = create(Map.of(key, value));
                p.velocity(points(0, DataType.FLOAT), points(1, DataType.FLOAT));
            }, key + "=" + value + " must be refused");
            assertTrue(e.getMessage().contains(key), "the error names " + key + ": " + e.getMessage());
        });
    }

    @Test
    void velocityHasTheBatchShapeIsFiniteAndLeavesItsInputsAlone() {
        PotentialEstimator p = create(Map.of());
        Map<String, Double> diagnostics = p.fit(() -> new Pair(points(0, DataType.FLOAT), points(2, DataType.FLOAT)));
        assertTrue(p.diagnostics().containsAll(diagnostics.keySet()), "fit reports only declared diagnostics " + p.diagnostics()
                + ": " + diagnostics.keySet());
        INDArray y = points(0, DataType.FLOAT);
        INDArray x = points(2, DataType.FLOAT);
        INDArray y0 = y.dup();
        INDArray x0 = x.dup();
        INDArray v = p.velocity(y, x);
        assertArrayEquals(new long[] {batch(), dimension()}, v.shape());
        assertEquals(y.dataType(), v.dataType());
        for (double value : v.dup().data().asDouble()) {
            assertTrue(Double.isFinite(value), "finite velocity");
        }
        assertEquals(y0, y, "generated points unchanged");
        assertEquals(x0, x, "data points unchanged");
    }

    @Test
    void itsStateRestoresItExactly() {
        PotentialEstimator a = create(Map.of());
        INDArray[] first = {points(0, DataType.FLOAT), points(2, DataType.FLOAT)};
        INDArray[] second = {points(0.5, DataType.FLOAT), points(2, DataType.FLOAT)};
        a.fit(() -> new Pair(first[0], first[1]));
        a.velocity(first[0], first[1]);
        PotentialEstimator b = create(Map.of());
        b.restore(a.state());
        a.fit(() -> new Pair(second[0], second[1]));
        b.fit(() -> new Pair(second[0], second[1]));
        assertEquals(a.velocity(second[0], second[1]), b.velocity(second[0], second[1]),
                "a restored estimator continues exactly as the saved one");
    }

    @Test
    void velocityIsMinusBatchTimesTheGradientOfItsObjective() {
        PotentialEstimator p = create(Map.of());
        INDArray y = points(0, DataType.DOUBLE);
        INDArray x = points(1.5, DataType.DOUBLE);
        Optional<ToDoubleFunction<INDArray>> objective = objective(p, x);
        if (objective.isEmpty()) {
            return;
        }
        INDArray v = p.velocity(y, x);
        for (int i = 0; i < batch(); i++) {
            for (int k = 0; k < dimension(); k++) {
                double grad = Contracts.centralDifference(y, (long) i * dimension() + k, () -> objective.get().applyAsDouble(y));
                assertEquals(-batch() * grad, v.getDouble(i, k), 1e-5 * Math.max(1, Math.abs(v.getDouble(i, k))),
                        "point " + i + ", coordinate " + k);
            }
        }
    }
}
