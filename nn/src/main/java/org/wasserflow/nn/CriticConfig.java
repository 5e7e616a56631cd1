package org.wasserflow.nn;

import java.util.Arrays;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The potential (critic) networks and their training, read from the {@code critic.*} keys.
 *
 * @param hidden hidden widths ({@code critic.hidden}, default {@code 128,128,128})
 * @param initStd weight initialisation std ({@code critic.init_std}, default 0.1)
 * @param steps critic updates per training iteration, d_iters ({@code critic.steps}, default 5)
 * @param optimizer {@code critic.optimizer} adam (default) or sgd, {@code critic.lr} 5e-4, {@code critic.beta1} 0.9,
 *     {@code critic.beta2} 0.999
 * @param threads {@code critic.threads}: 1, or 2 to compute the two sides of a two-potential dual on two
 *     threads (same result; default 2)
 */
public record CriticConfig(int[] hidden, double initStd, int steps, OptimizerConfig optimizer, int threads) {

    public CriticConfig {
        hidden = hidden.clone();
        ConfigException.require(initStd > 0, "critic.init_std", initStd, "a number > 0");
        ConfigException.require(steps >= 1, "critic.steps", steps, "an integer >= 1");
        ConfigException.require(threads == 1 || threads == 2, "critic.threads", threads, "1 or 2");
    }

    /** Reads and validates the {@code critic.*} keys. */
    public static CriticConfig from(Settings s) {
        return new CriticConfig(s.getPositiveInts("critic.hidden", 128, 128, 128), s.getDouble("critic.init_std", 0.1),
                s.getInt("critic.steps", 5), OptimizerConfig.from(s, "critic", 5e-4, 0.9, 0.999), s.getInt("critic.threads", 2));
    }

    /** A scalar potential network on {@code inputDim} inputs. */
    public MlpSpec spec(int inputDim) {
        return MlpSpec.scalar(inputDim, hidden, initStd);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CriticConfig c && Arrays.equals(hidden, c.hidden) && initStd == c.initStd && steps == c.steps
                && optimizer.equals(c.optimizer) && threads == c.threads;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + steps;
    }

    @Override
    public String toString() {
        return "CriticConfig[hidden=" + Arrays.toString(hidden) + ", initStd=" + initStd + ", steps=" + steps + ", optimizer=" + optimizer + ", threads=" + threads + "]";
    }
}
