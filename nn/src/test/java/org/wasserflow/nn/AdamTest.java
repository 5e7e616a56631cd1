package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;

/** The Java Adam loop against ND4J's fused {@code adam_updater}, which it replaces: equal bit for bit. */
class AdamTest {

    /**
     * Every step of the first 13 000 (a default ring run takes 6000 on each network) on a small block, and
     * windows of 400 steps on a block of odd size that the vectorised loop ends with a remainder.
     */
    @ParameterizedTest(name = "lr {0}, betas ({1}, {2}), steps {3} to {3} + {4}, {5} parameters")
    @CsvSource({"5e-4, 0.9, 0.999, 0, 13000, 16", "1e-4, 0.5, 0.9, 0, 13000, 16", "5e-4, 0.9, 0.999, 0, 400, 1537",
            "1e-4, 0.9, 0.999, 6000, 400, 1537", "1e-3, 0.9, 0.999, 60000, 400, 1537"})
    void updatesParametersAndMomentsExactlyAsNd4jsUpdater(double lr, double beta1, double beta2, int from, int steps, int n) {
        OptimizerConfig config = new OptimizerConfig(OptimizerConfig.Kind.ADAM, lr, beta1, beta2, 1e-8);
        Parameters params = new Parameters(List.of(new long[] {n, 1}), DataType.FLOAT);
        Random rng = new Random(from + 7);
        float[] start = gaussian(rng, 1f, n);
        params.values().assign(Nd4j.createFromArray(start));
        Adam adam = new Adam(params, config);
        INDArray moments = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
        adam.restore(Map.of("moments", moments, "steps", Nd4j.createFromArray((long) from)));

        AdamUpdater reference = new AdamUpdater(new org.nd4j.linalg.learning.config.Adam(lr, beta1, beta2, 1e-8));
        reference.setStateViewArray(moments.dup(), new long[] {1, n}, 'c', true);
        INDArray values = Nd4j.createFromArray(start).reshape(1, n);

        for (int t = from; t < from + steps; t++) {
            float scale = (float) Math.pow(10, -8 + 10 * rng.nextDouble());
            float[] g = gaussian(rng, scale, n);
            g[t % n] = 0;
            params.grads().assign(Nd4j.createFromArray(g));
            adam.step();
            INDArray update = Nd4j.createFromArray(g).reshape(1, n);
            reference.applyUpdater(update, t, 0);
            values.subi(update);
            assertArrayEquals(values.toFloatVector(), params.values().toFloatVector(), "parameters after step " + t);
        }
        Map<String, INDArray> state = adam.state();
        assertArrayEquals(reference.getM().toFloatVector(),
                state.get("moments").reshape(2 * n).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).toFloatVector());
        assertArrayEquals(reference.getV().toFloatVector(),
                state.get("moments").reshape(2 * n).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2 * n)).toFloatVector());
        assertEquals(from + steps, state.get("steps").getLong(0));
        assertEquals(0.0, params.grads().sumNumber().doubleValue(), "the gradient is consumed");
    }

    private static float[] gaussian(Random rng, float scale, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian() * scale;
        }
        return a;
    }
}
