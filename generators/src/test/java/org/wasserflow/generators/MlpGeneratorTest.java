package org.wasserflow.generators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;

class MlpGeneratorTest {

    private static Settings settings(Map<String, String> values) {
        return Settings.of(values, GeneratorsModule.MLP.settings());
    }

    private static INDArray source(long seed) {
        return Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(seed), 256, 2).castTo(DataType.FLOAT).muli(0.05);
    }

    @Test
    void startsNearTheIdentityAndRegressesOntoTargets() {
        MlpGenerator g = new MlpGenerator(settings(Map.of("generator.lr", "3e-3")), new Seed(1));
        INDArray z = source(2);
        INDArray y0 = g.generate(z);
        double rms = y0.sub(z).norm2Number().doubleValue() / Math.sqrt(z.length());
        assertTrue(rms < 0.2, "the residual branch starts small (init_std 0.01 on the output layer): rms " + rms);
        INDArray target = z.mul(20).addi(1);
        double first = g.regress(z, target);
        double last = first;
        for (int k = 0; k < 300; k++) {
            last = g.regress(z, target);
        }
        assertTrue(last < 0.02 * first, "loss " + first + " -> " + last);
    }

    /**
     * {@code generator.average} changes what is inferred, never what is trained: the same parameters bit for bit.
     * At a learning rate whose steps overshoot (3e-3 on fresh batches), the live map jitters around the fit and the
     * average of its last steps lands closer to the targets than any one of them.
     */
    @Test
    void theAverageChangesInferenceAndNotTraining() {
        MlpGenerator live = new MlpGenerator(settings(Map.of("generator.lr", "3e-3")), new Seed(5));
        MlpGenerator averaged = new MlpGenerator(settings(Map.of("generator.lr", "3e-3", "generator.average", "0.95")), new Seed(5));
        INDArray z = source(6);
        INDArray start = live.infer(z);
        assertEquals(start, averaged.infer(z), "before the first step both infer with the initial parameters");
        INDArray target = z.mul(20).addi(1);
        for (int k = 0; k < 200; k++) {
            INDArray batch = source(100 + k);
            live.regress(batch, batch.mul(20).addi(1));
            averaged.regress(batch, batch.mul(20).addi(1));
        }
        assertArrayEquals(live.parameters(), averaged.parameters(), "the same training, bit for bit");
        double liveError = live.infer(z).sub(target).norm2Number().doubleValue();
        double averageError = averaged.infer(z).sub(target).norm2Number().doubleValue();
        double startError = start.sub(target).norm2Number().doubleValue();
        assertTrue(averageError < 0.5 * liveError && averageError < 0.05 * startError,
                "the average damps the live map's jitter: errors start " + startError + ", average " + averageError + ", live " + liveError);
    }

    @Test
    void sameSeedGivesSameGenerator() {
        INDArray z = source(3);
        float[] a = new MlpGenerator(settings(Map.of()), new Seed(9)).generate(z).data().asFloat();
        float[] b = new MlpGenerator(settings(Map.of()), new Seed(9)).generate(z).data().asFloat();
        float[] c = new MlpGenerator(settings(Map.of()), new Seed(10)).generate(z).data().asFloat();
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void badConfigNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new MlpGenerator(settings(Map.of("generator.lr", "-1")), new Seed(1)));
        assertEquals("generator.lr", e.key());
        assertTrue(e.getMessage().contains("-1"));
    }

    @Test
    void twoThreadsGiveTheSameResultAsOneBitForBit() {
        for (int rows : new int[] {256, 255}) {
            MlpGenerator one = new MlpGenerator(settings(Map.of("generator.threads", "1")), new Seed(9));
            MlpGenerator two = new MlpGenerator(settings(Map.of("generator.threads", "2")), new Seed(9));
            INDArray z = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(rows), rows, 2).castTo(DataType.FLOAT);
            INDArray target = z.mul(2).addi(0.3f);
            for (int step = 0; step < 3; step++) {
                one.regress(z, target);
                two.regress(z, target);
                one.descend(z, target.mul(0.01f));
                two.descend(z, target.mul(0.01f));
            }
            assertArrayEquals(one.parameters(), two.parameters(), rows + " rows: the same parameters after training on one thread or two");
            assertEquals(one.generate(z), two.generate(z));
            assertEquals(one.state().get("net.running_var"), two.state().get("net.running_var"), "the same running statistics");
            assertEquals(one.infer(z), two.infer(z));
        }
    }

    @Test
    void itsStateRestoresItExactly() {
        MlpGenerator a = new MlpGenerator(settings(Map.of()), new Seed(4));
        INDArray z = source(5);
        INDArray target = z.add(0.3f);
        a.regress(z, target);
        a.regress(z, target);
        MlpGenerator b = new MlpGenerator(settings(Map.of()), new Seed(77));
        b.restore(a.state());
        assertTrue(a.state().keySet().containsAll(java.util.List.of("net.running_mean", "net.running_var")), a.state().keySet().toString());
        assertEquals(a.infer(z), b.infer(z), "running statistics restored");
        INDArray fresh = source(6);
        a.regress(fresh, target);
        b.regress(fresh, target);
        assertArrayEquals(a.parameters(), b.parameters(), "parameters and Adam moments restored");
        assertEquals(a.state().get("net.running_mean"), b.state().get("net.running_mean"), "and they go on the same");
        assertEquals(a.infer(z), b.infer(z));
        Map<String, INDArray> old = new java.util.HashMap<>(a.state());
        old.remove("net.running_var");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.restore(old));
        assertTrue(e.getMessage().contains("'net.running_var'"), e.getMessage());
        ParticleGenerator p = new ParticleGenerator();
        p.regress(z, target);
        ParticleGenerator q = new ParticleGenerator();
        q.restore(p.state());
        assertEquals(p.generate(z), q.generate(z));
    }

    @Test
    void inferenceIsAFunctionOfEachPoint() {
        MlpGenerator g = new MlpGenerator(settings(Map.of("generator.lr", "3e-3")), new Seed(11));
        for (int s = 0; s < 30; s++) {
            INDArray z = source(100 + s);
            g.regress(z, z.mul(3).addi(0.5f));
        }
        INDArray few = source(7).get(NDArrayIndex.interval(0, 10), NDArrayIndex.all()).dup();
        INDArray many = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(8), 1000, 2).castTo(DataType.FLOAT).muli(0.05);
        int[] at = {0, 5, 99, 100, 333, 500, 640, 777, 998, 999};
        for (int i = 0; i < at.length; i++) {
            many.putRow(at[i], few.getRow(i));
        }
        INDArray inside = g.infer(many);
        INDArray alone = g.infer(few);
        assertTrue(Transforms.abs(g.infer(few.getRow(4, true).dup()).sub(alone.getRow(4, true))).maxNumber().doubleValue() < 1e-5,
                "a point alone");
        INDArray trainInside = g.generate(many);
        INDArray trainAlone = g.generate(few);
        double diff = 0;
        double trainDiff = 0;
        for (int i = 0; i < at.length; i++) {
            diff = Math.max(diff, Transforms.abs(alone.getRow(i).sub(inside.getRow(at[i]))).maxNumber().doubleValue());
            trainDiff = Math.max(trainDiff, Transforms.abs(trainAlone.getRow(i).sub(trainInside.getRow(at[i]))).maxNumber().doubleValue());
        }
        assertTrue(diff < 1e-5, "10 points alone and inside 1000 differ by " + diff);
        assertTrue(trainDiff > 1e-3, "the training pass does depend on the batch (batch statistics): " + trainDiff);
    }

    @Test
    void theRunningStatisticsCountEachSourceBatchOnce() {
        MlpGenerator g = new MlpGenerator(settings(Map.of()), new Seed(12));
        INDArray z = source(13);
        INDArray before = g.state().getOrDefault("net.running_mean", null);
        g.generate(z);
        INDArray once = g.state().get("net.running_mean");
        assertTrue(before == null || !before.equals(once), "a training pass on a new batch updates them");
        for (int k = 0; k < 3; k++) {
            g.regress(z, z.add(0.2f));
            g.descend(z, z.mul(0.01f));
        }
        assertEquals(once, g.state().get("net.running_mean"), "K persistent steps on the same batch do not count it again");
        g.infer(source(14));
        assertEquals(once, g.state().get("net.running_mean"), "inference changes nothing");
        g.regress(source(15), z);
        assertTrue(!once.equals(g.state().get("net.running_mean")), "a step on a new batch counts it");
    }

    @Test
    void theMomentumIsInItsRange() {
        for (String bad : new String[] {"0", "1.5", "-0.1"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new MlpGenerator(settings(Map.of("generator.bn_momentum", bad)), new Seed(1)));
            assertEquals("generator.bn_momentum", e.key());
        }
    }

    @Test
    void theAuthorsBatchNormInitialisationStartsNearTheIdentity() {
        INDArray z = source(6);
        double ones = new MlpGenerator(settings(Map.of()), new Seed(2)).generate(z).sub(z).norm2Number().doubleValue();
        double authors = new MlpGenerator(settings(Map.of("generator.norm_scale_init", "normal")), new Seed(2)).generate(z).sub(z)
                .norm2Number().doubleValue();
        assertTrue(authors < 0.1 * ones, "scales ~ N(0, 0.01^2) shrink the residual branch: " + authors + " against " + ones);
    }
}
