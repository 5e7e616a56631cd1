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
        a.regress(z, target);
        b.regress(z, target);
        assertArrayEquals(a.parameters(), b.parameters(), "parameters and Adam moments restored");
        ParticleGenerator p = new ParticleGenerator();
        p.regress(z, target);
        ParticleGenerator q = new ParticleGenerator();
        q.restore(p.state());
        assertEquals(p.generate(z), q.generate(z));
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
