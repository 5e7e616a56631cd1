package org.wasserflow.w2;

import java.util.Arrays;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.MlpSpec;
import org.wasserflow.nn.OptimizerConfig;

/**
 * The map network {@code T} of the neural-map estimator (docs/math.md section 4) and its training, read from the
 * {@code map.*} keys ({@link #GROUP}); its potential {@code f} is a critic and reads the shared {@code critic.*} keys.
 *
 * @param hidden hidden widths of the residual MLP {@code T(x) = x + MLP(x)}
 * @param initStd std of {@code T}'s initial weights (small: {@code T} starts near the identity)
 * @param innerSteps optimiser steps of {@code T} per step of {@code f}, each on a fresh batch
 * @param optimizer {@code T}'s optimiser
 */
public record NeuralMapConfig(int[] hidden, double initStd, int innerSteps, OptimizerConfig optimizer) {

    public static final Setting<int[]> HIDDEN = Setting.positiveInts("map.hidden", 128, 128, 128)
            .describe("hidden widths of the map network T(x) = x + MLP(x)");
    public static final Setting<Double> INIT_STD = Setting.number("map.init_std", 0.01).positive()
            .describe("std of the N(0, std^2) initial weights of T (small: T starts near the identity)");
    public static final Setting<Integer> INNER_STEPS = Setting.integer("map.inner_steps", 10).atLeast(1)
            .describe("optimiser steps of the map T per step of its potential f, each on a fresh batch");
    public static final OptimizerConfig.Keys OPTIMIZER = OptimizerConfig.keys("map", 1e-3, 0.9, 0.999);

    /** The {@code map.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("map", "the map network of neural-map and its training",
            HIDDEN, INIT_STD, INNER_STEPS).with(OPTIMIZER.group("map", "map optimiser"));

    public NeuralMapConfig {
        hidden = hidden.clone();
    }

    /** Reads the {@code map.*} keys. */
    public static NeuralMapConfig from(Settings s) {
        return new NeuralMapConfig(s.get(HIDDEN), s.get(INIT_STD), s.get(INNER_STEPS), OPTIMIZER.read(s));
    }

    /** The residual map network on {@code dim} inputs and outputs. */
    public MlpSpec spec(int dim) {
        return new MlpSpec(dim, hidden, dim, MlpSpec.Norm.NONE, true, initStd);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeuralMapConfig c && Arrays.equals(hidden, c.hidden) && initStd == c.initStd && innerSteps == c.innerSteps
                && optimizer.equals(c.optimizer);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + innerSteps;
    }

    @Override
    public String toString() {
        return "NeuralMapConfig[hidden=" + Arrays.toString(hidden) + ", initStd=" + initStd + ", innerSteps=" + innerSteps
                + ", optimizer=" + optimizer + "]";
    }
}
