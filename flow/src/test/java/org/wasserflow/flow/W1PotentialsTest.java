package org.wasserflow.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.EmpiricalTransport;
import org.wasserflow.ot.ExactOtPotential;
import org.wasserflow.ot.Points;
import org.wasserflow.ot.OtModule;
import org.wasserflow.ot.SinkhornPotential;
import org.wasserflow.w1.W1Loss;

/** The exact-OT and Sinkhorn potentials with the W1 cost (docs/math.md section 4): unit velocities along the transport. */
class W1PotentialsTest {

    private final Random rng = Nd4j.getRandomFactory().getNewRandomInstance(13);
    private final INDArray y = Nd4j.randn(rng, 200, 2).castTo(DataType.DOUBLE).muli(0.2);
    private final INDArray x = Nd4j.randn(rng, 200, 2).castTo(DataType.DOUBLE).muli(0.2).addi(Nd4j.createFromArray(3.0, 4.0));

    @Test
    void exactOtVelocitiesAreUnitVectorsThatRecoverW1() {
        INDArray v = new ExactOtPotential(new W1Loss()).velocity(y, x);
        INDArray norms = v.norm2(1);
        assertEquals(1.0, norms.minNumber().doubleValue(), 1e-9);
        assertEquals(1.0, norms.maxNumber().doubleValue(), 1e-9);
        double exact = new EmpiricalTransport().assign(Points.flat(y), Points.flat(x), 2, 1).meanCost();
        double lower = x.mean(0).sub(y.mean(0)).norm2Number().doubleValue();
        assertTrue(exact >= lower - 1e-9, "W1 is at least the distance of the means");
        double alongMean = v.mean(0).norm2Number().doubleValue();
        assertTrue(alongMean > 0.99, "far apart clouds move along the shift: " + alongMean);
    }

    @Test
    void sinkhornVelocityPointsAlongTheShift() {
        Settings s = Settings.of(Map.of("sinkhorn.epsilon", "0.01"), OtModule.SINKHORN.settings());
        PotentialEstimator sinkhorn = new SinkhornPotential(new W1Loss(), s);
        INDArray v = sinkhorn.velocity(y, x);
        INDArray shift = Nd4j.createFromArray(0.6, 0.8);
        double cosine = v.mean(0).mul(shift).sumNumber().doubleValue() / v.mean(0).norm2Number().doubleValue();
        assertTrue(cosine > 0.999, "mean velocity along the shift: cosine " + cosine);
        assertTrue(v.norm2(1).maxNumber().doubleValue() <= 1 + 1e-6, "averages of unit pulls have norm at most 1");
        assertTrue(v.norm2(1).minNumber().doubleValue() > 0.9, "at small epsilon nearly unit: " + v.norm2(1).minNumber());
    }
}
