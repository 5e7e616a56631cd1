package org.example.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.GeneratorContract;

/** The affine generator against wasserflow's contract kit (which checks its memory parts), and its closed form. */
class AffineGeneratorTest extends GeneratorContract {

    @Override
    protected Plugin plugin() {
        return AffineModule.AFFINE;
    }

    @Override
    protected Generator create(Settings settings) {
        return new AffineGenerator(settings);
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("affine.lr", "0");
    }

    @Test
    void regressionRecoversAnAffineMap() {
        INDArray z = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(2), 200, 2).castTo(DataType.FLOAT);
        INDArray target = z.mmul(Nd4j.createFromArray(new float[][] {{2, 1}, {0, 0.5f}})).addiRowVector(Nd4j.createFromArray(3f, -1f));
        Generator g = create(Map.of("affine.lr", "0.4"));
        for (int i = 0; i < 300; i++) {
            g.regress(z, target);
        }
        assertEquals(0, g.generate(z).sub(target).norm2Number().doubleValue() / target.norm2Number().doubleValue(), 1e-3);
    }
}
