package org.wasserflow.nn;

import java.util.Arrays;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The potential (critic) networks and their training, read from the {@code critic.*} keys that every neural
 * potential shares ({@link #GROUP}).
 *
 * @param hidden hidden widths
 * @param initStd weight initialisation std
 * @param steps critic updates per training iteration (d_iters)
 * @param adaptSteps warm-started updates on Heun's predicted law
 * @param optimizer the critic's optimiser
 */
public record CriticConfig(int[] hidden, double initStd, int steps, int adaptSteps, OptimizerConfig optimizer) {

    public static final Setting<int[]> HIDDEN = Setting.positiveInts("critic.hidden", 128, 128, 128)
            .describe("hidden widths of each potential network");
    public static final Setting<Double> INIT_STD = Setting.number("critic.init_std", 0.1).positive()
            .describe("std of the N(0, std^2) initial weights");
    public static final Setting<Integer> STEPS = Setting.integer("critic.steps", 5).atLeast(1)
            .describe("critic updates per training iteration, each on a fresh pair (d_iters)");
    public static final Setting<Integer> ADAPT_STEPS = Setting.integer("critic.adapt_steps", 2).atLeast(0)
            .describe("warm-started critic updates on Heun's predicted law (integrator=heun)");
    public static final OptimizerConfig.Keys OPTIMIZER = OptimizerConfig.keys("critic", 5e-4, 0.9, 0.999);

    /** The shared critic settings: network, schedule and optimiser. */
    public static final SettingGroup GROUP = SettingGroup.of("critic", "neural potential networks and their training",
            HIDDEN, INIT_STD, STEPS, ADAPT_STEPS).with(OPTIMIZER.group("critic", "critic optimiser"));

    public CriticConfig {
        hidden = hidden.clone();
    }

    /** Reads the {@code critic.*} keys. */
    public static CriticConfig from(Settings s) {
        return new CriticConfig(s.get(HIDDEN), s.get(INIT_STD), s.get(STEPS), s.get(ADAPT_STEPS), OPTIMIZER.read(s));
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
                && adaptSteps == c.adaptSteps && optimizer.equals(c.optimizer);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + steps;
    }

    @Override
    public String toString() {
        return "CriticConfig[hidden=" + Arrays.toString(hidden) + ", initStd=" + initStd + ", steps=" + steps + ", adaptSteps="
                + adaptSteps + ", optimizer=" + optimizer + "]";
    }
}
