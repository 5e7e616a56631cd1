package org.example.gaussmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Pair;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.PotentialEstimatorContract;

/** The estimator against wasserflow's contract kit (which checks its memory parts), and its closed form. */
class GaussianMapPotentialTest extends PotentialEstimatorContract {

    @Override
    protected Plugin plugin() {
        return GaussianMapModule.GAUSSIAN_MAP;
    }

    @Override
    protected PotentialEstimator create(Settings settings) {
        return new GaussianMapPotential(settings);
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("gaussian_map.momentum", "1", "gaussian_map.min_std", "0");
    }

    @Test
    void theMapOfAShiftedAndScaledCloudUndoesIt() {
        INDArray x = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(4), 500, 2).castTo(DataType.FLOAT);
        INDArray y = x.mul(0.5f).addi(3f);
        PotentialEstimator p = create(Map.of("gaussian_map.momentum", "0"));
        p.fit(() -> new Pair(y, x));
        INDArray moved = y.add(p.velocity(y, x));
        assertEquals(0, moved.sub(x).norm2Number().doubleValue() / x.norm2Number().doubleValue(), 1e-5,
                "y = x / 2 + 3 is mapped back onto x exactly");
    }
}
