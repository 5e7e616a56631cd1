package org.wasserflow.plugins.sliced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.api.Spi;
import org.wasserflow.api.testkit.Contracts;
import org.wasserflow.api.testkit.PotentialEstimatorContract;

/** The plugin against the SPI's contract kit, plus the properties of the sliced field. */
class SlicedPotentialTest extends PotentialEstimatorContract {

    @Override
    protected Plugin plugin() {
        return SlicedW2Module.SLICED;
    }

    @Override
    protected PotentialEstimator create(Settings settings) {
        return new SlicedPotential(settings, new Seed(3));
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("sliced.directions", "0", "sliced.redraw", "never");
    }

    @Override
    protected Optional<ToDoubleFunction<INDArray>> objective(PotentialEstimator estimator, INDArray x) {
        SlicedPotential sliced = (SlicedPotential) estimator;
        return Optional.of(y -> sliced.objective(y, x));
    }

    @Test
    void inOneDimensionItIsTheExactSortedTransport() {
        INDArray y = Nd4j.createFromArray(new double[][] {{0.3}, {-1.0}, {2.0}, {0.1}});
        INDArray x = Nd4j.createFromArray(new double[][] {{5.0}, {1.0}, {-2.0}, {3.0}});
        INDArray v = create(Map.of("sliced.directions", "7")).velocity(y, x);
        assertEquals(Nd4j.createFromArray(new double[][] {{3.0 - 0.3}, {-2.0 + 1.0}, {5.0 - 2.0}, {1.0 - 0.1}}), v);
    }

    @Test
    void aTranslationIsRecoveredOnAverage() {
        INDArray y = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(4), 400, 3).castTo(DataType.DOUBLE);
        INDArray x = y.add(Nd4j.createFromArray(1.0, -2.0, 0.5));
        INDArray v = create(Map.of("sliced.directions", "2000")).velocity(y, x);
        INDArray mean = v.mean(0);
        assertEquals(1.0, mean.getDouble(0), 0.1);
        assertEquals(-2.0, mean.getDouble(1), 0.1);
        assertEquals(0.5, mean.getDouble(2), 0.1);
    }

    @Test
    void fixedSlicesKeepTheirDirectionsWhileFreshOnesChange() {
        INDArray y = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(5), 50, 3).castTo(DataType.DOUBLE);
        INDArray x = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(6), 50, 3).castTo(DataType.DOUBLE).addi(1);
        PotentialEstimator once = create(Map.of("sliced.directions", "4", "sliced.redraw", "once"));
        assertEquals(once.velocity(y, x), once.velocity(y, x), "fixed slices: the same field twice");
        PotentialEstimator fresh = create(Map.of("sliced.directions", "4"));
        assertNotEquals(fresh.velocity(y, x), fresh.velocity(y, x), "fresh slices: another field each call");
    }

    @Test
    void theBuildDeclaresThisSpiVersion() {
        assertEquals(String.valueOf(Spi.VERSION), System.getProperty("wasserflow.spi.version"),
                "the POM's wasserflow.spi.version, written into the jar's manifest, equals Spi.VERSION");
    }
}
