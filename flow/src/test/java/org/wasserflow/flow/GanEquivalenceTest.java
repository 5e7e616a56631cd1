package org.wasserflow.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasserflow.generators.MlpGenerator;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * The papers' proposition: with K = 1 and plain SGD, one W1-FE (W2-FE) iteration moves the generator exactly
 * as one WGAN (W2GAN) iteration with the learning rate scaled by {@code 2 eps / d}: the regression loss
 * {@code mean_{i,k} (G(z_i) - zeta_i)_k^2} with {@code zeta = y + eps v(y)} has output gradient
 * {@code -2 eps v / (m d)}, the GAN loss {@code -v / m}. Both runs share the seed, hence the initial
 * weights, the critic's training and the batch.
 */
class GanEquivalenceTest {

    private static final Path DEFAULT = Path.of("..", "configs", "ring-w2.properties");
    private static final double EPS = 0.5;
    private static final double LR = 20;
    private static final int DIM = 2;

    private static MlpGenerator trainOnce(String loss, String update, double lr, int iterations) {
        List<String> args = new ArrayList<>(List.of("loss=" + loss, "flow.update=" + update, "flow.K=1", "flow.eps=" + EPS,
                "generator.optimizer=sgd", "generator.lr=" + lr, "flow.batch=64", "critic.steps=3", "eval.source_size=100", "eval.data_size=100"));
        Components c = Components.build(new ConfigLoader().load(DEFAULT, args),
                GanEquivalenceTest.class.getClassLoader(), List.of());
        MlpGenerator g = (MlpGenerator) c.generator();
        g.generate(c.problem().source(8));
        for (int i = 0; i < iterations; i++) {
            c.trainer().iterate();
        }
        return g;
    }

    @ParameterizedTest
    @ValueSource(strings = {"w1", "w2"})
    void oneForwardEulerStepEqualsOneGanStepWithTheLearningRateScaledByTwoEpsOverD(String loss) {
        float[] initial = trainOnce(loss, "targets", LR, 0).parameters();
        float[] fe = trainOnce(loss, "targets", LR, 1).parameters();
        float[] gan = trainOnce(loss, "gan", LR * 2 * EPS / DIM, 1).parameters();
        double move = 0;
        double gap = 0;
        for (int k = 0; k < fe.length; k++) {
            move = Math.max(move, Math.abs(fe[k] - initial[k]));
            gap = Math.max(gap, Math.abs(fe[k] - gan[k]));
        }
        assertTrue(gap <= 1e-5, loss + ": parameters equal to 1e-5, largest gap " + gap);
        assertTrue(move > 1e-3, loss + ": the step moved the parameters by " + move);
        float[] unscaled = trainOnce(loss, "gan", LR, 1).parameters();
        double off = 0;
        for (int k = 0; k < fe.length; k++) {
            off = Math.max(off, Math.abs(fe[k] - unscaled[k]));
        }
        assertTrue(off > 100 * Math.max(gap, 1e-7), loss + ": without the scale the steps differ by " + off);
    }
}
