package org.wasserflow.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;

/**
 * {@code generator.regression}: the squared loss fits the conditional mean of noisy targets, the distance loss their
 * geometric median. Every source row is the same point and 70% of its targets are A, 30% B, as when a minority of
 * minibatches pairs a point with another mode.
 */
class RegressionLossTest {

    private static final double[] A = {1.0, 0.0};
    private static final double[] B = {-1.0, 2.0};

    private static MlpGenerator generator(String loss) {
        Map<String, String> values = new HashMap<>(Map.of("generator.batch_norm", "false", "generator.lr", "1e-2"));
        values.put("generator.regression", loss);
        return new MlpGenerator(Settings.of(values, GeneratorsModule.MLP.settings()), new Seed(3));
    }

    /** The generator's image of the repeated source point after 600 steps on the mixed targets. */
    private static double[] fitted(MlpGenerator g) {
        int m = 100;
        INDArray z = Nd4j.zeros(DataType.FLOAT, m, 2).addi(0.3);
        INDArray target = Nd4j.zeros(DataType.FLOAT, m, 2);
        for (int i = 0; i < m; i++) {
            double[] t = i < 70 ? A : B;
            target.putScalar(i, 0, t[0]);
            target.putScalar(i, 1, t[1]);
        }
        for (int k = 0; k < 600; k++) {
            g.regress(z, target);
        }
        return g.generate(z.getRows(0)).toDoubleVector();
    }

    @Test
    void squaredLossFitsTheMeanOfTheTargets() {
        double[] y = fitted(generator("squared"));
        assertEquals(0.7 * A[0] + 0.3 * B[0], y[0], 0.02);
        assertEquals(0.7 * A[1] + 0.3 * B[1], y[1], 0.02);
    }

    @Test
    void distanceLossFitsTheGeometricMedianOfTheTargets() {
        double[] y = fitted(generator("distance"));
        assertEquals(A[0], y[0], 0.02);
        assertEquals(A[1], y[1], 0.02);
    }

    @Test
    void distanceLossReportsTheMeanDistance() {
        MlpGenerator g = generator("distance");
        INDArray z = Nd4j.createFromArray(new float[][] {{0f, 0f}, {0f, 0f}});
        INDArray y = g.generate(z);
        INDArray target = y.dup();
        target.putScalar(0, 0, y.getDouble(0, 0) + 3);
        target.putScalar(0, 1, y.getDouble(0, 1) + 4);
        assertEquals(2.5, g.regress(z, target), 1e-4, "row distances 5 and 0, mean 2.5");
        assertTrue(Double.isFinite(g.generate(z).sumNumber().doubleValue()), "a row on its target gives a zero gradient, not NaN");
    }

    @Test
    void unknownLossIsRefusedWithTheChoices() {
        ConfigException e = assertThrows(ConfigException.class, () -> generator("huber"));
        assertTrue(e.getMessage().contains("generator.regression") && e.getMessage().contains("huber")
                && e.getMessage().contains("squared") && e.getMessage().contains("distance"), e.getMessage());
    }
}
