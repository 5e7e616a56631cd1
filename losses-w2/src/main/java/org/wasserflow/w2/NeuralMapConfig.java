package org.wasserflow.w2;

import java.util.Arrays;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.CriticConfig;
import org.wasserflow.nn.MlpSpec;
import org.wasserflow.nn.OptimizerConfig;

/**
 * The neural-map estimator's networks and their training (docs/math.md section 4): the map {@code T} and both
 * optimisers from the {@code map.*} keys ({@link #GROUP}); the potential {@code f}'s network and schedule from the
 * shared critic keys ({@link #CRITIC}: {@code critic.hidden}, {@code critic.init_std}, {@code critic.steps},
 * {@code critic.adapt_steps}). The optimisers have their own keys because the max-min game needs smaller steps than
 * the neural dual's critic (with {@code critic.lr = 5e-4} it cycles without converging in D = 64).
 *
 * <p>Both learning rates default to {@code auto}: {@link #LOW_DIM_LR} and {@link #LOW_DIM_POTENTIAL_LR} up to
 * {@link #LOW_DIM_MAX} = 32 dimensions, {@link #HIGH_DIM_LR} and {@link #HIGH_DIM_POTENTIAL_LR} (about a third of them)
 * beyond. The game needs smaller steps in high dimension: on the W2 benchmark (docs/w2bench.md) the low-dimension
 * rates converge up to D = 32 and cycle in D = 64 and 128 within 1000 fit calls, and so do the rates scaled by
 * {@code 32 / D} (half of them in D = 64, a quarter in D = 128), while about a third of them converges in both
 * (docs/math.md section 4). A number given for either key is used as it is, in every dimension.
 *
 * @param hidden hidden widths of the residual MLP {@code T(x) = x + MLP(x)}
 * @param initStd std of {@code T}'s initial weights (small: {@code T} starts near the identity)
 * @param innerSteps optimiser steps of {@code T} per step of {@code f}, each on a fresh batch
 * @param optimizer {@code T}'s optimiser (under {@code auto}, with the rate {@link #LOW_DIM_LR})
 * @param autoLr whether {@code map.lr} is {@code auto}: {@code optimizer}'s rate then depends on the dimension
 * @param potentialHidden hidden widths of {@code f}
 * @param potentialInitStd std of {@code f}'s initial weights
 * @param steps steps of {@code f} per training iteration
 * @param adaptSteps warm-started rounds on Heun's predicted law
 * @param potentialOptimizer {@code f}'s optimiser (under {@code auto}, with the rate {@link #LOW_DIM_POTENTIAL_LR})
 * @param autoPotentialLr whether {@code map.potential.lr} is {@code auto}
 */
public record NeuralMapConfig(int[] hidden, double initStd, int innerSteps, OptimizerConfig optimizer, boolean autoLr,
        int[] potentialHidden, double potentialInitStd, int steps, int adaptSteps, OptimizerConfig potentialOptimizer,
        boolean autoPotentialLr) {

    /** {@code map.lr} under {@code auto} in dimension D &lt;= {@link #LOW_DIM_MAX}. */
    public static final double LOW_DIM_LR = 3e-4;
    /** {@code map.potential.lr} under {@code auto} in dimension D &lt;= {@link #LOW_DIM_MAX}. */
    public static final double LOW_DIM_POTENTIAL_LR = 1e-4;
    /** {@code map.lr} under {@code auto} in dimension D &gt; {@link #LOW_DIM_MAX}. */
    public static final double HIGH_DIM_LR = 1e-4;
    /** {@code map.potential.lr} under {@code auto} in dimension D &gt; {@link #LOW_DIM_MAX}. */
    public static final double HIGH_DIM_POTENTIAL_LR = 3e-5;
    /** The largest dimension in which {@code auto} uses the low-dimension rates. */
    public static final int LOW_DIM_MAX = 32;

    private static final String AUTO_VALID = "auto or a number > 0";

    public static final Setting<int[]> HIDDEN = Setting.positiveInts("map.hidden", 128, 128, 128)
            .describe("hidden widths of the map network T(x) = x + MLP(x)");
    public static final Setting<Double> INIT_STD = Setting.number("map.init_std", 0.01).positive()
            .describe("std of the N(0, std^2) initial weights of T (small: T starts near the identity)");
    public static final Setting<Integer> INNER_STEPS = Setting.integer("map.inner_steps", 10).atLeast(1)
            .describe("optimiser steps of the map T per step of its potential f, each on a fresh batch");
    public static final Setting<Double> LR = Setting.numberOrAuto("map.lr").constrain(v -> v.isNaN() || v > 0, AUTO_VALID)
            .describe("learning rate of T; auto: 3e-4 in dimension D <= 32, 1e-4 beyond (the number used is in the provenance)");
    public static final Setting<Double> POTENTIAL_LR = Setting.numberOrAuto("map.potential.lr").constrain(v -> v.isNaN() || v > 0, AUTO_VALID)
            .describe("learning rate of f; auto: 1e-4 in dimension D <= 32, 3e-5 beyond (the number used is in the provenance)");
    public static final OptimizerConfig.Keys OPTIMIZER = OptimizerConfig.keys("map", LOW_DIM_LR, 0.9, 0.999).withLr(LR);
    public static final OptimizerConfig.Keys POTENTIAL_OPTIMIZER = OptimizerConfig.keys("map.potential", LOW_DIM_POTENTIAL_LR, 0.9, 0.999)
            .withLr(POTENTIAL_LR);

    /** The {@code map.*} keys: the map network and the two optimisers. */
    public static final SettingGroup GROUP = SettingGroup.of("map", "the map network of neural-map and its training",
            HIDDEN, INIT_STD, INNER_STEPS).with(OPTIMIZER.group("map", "map optimiser"))
            .with(POTENTIAL_OPTIMIZER.group("map", "optimiser of the potential f"));
    /** The shared critic keys that describe the potential network and its schedule (not its optimiser). */
    public static final SettingGroup CRITIC = SettingGroup.of("critic", "the potential network f of neural-map",
            CriticConfig.HIDDEN, CriticConfig.INIT_STD, CriticConfig.STEPS, CriticConfig.ADAPT_STEPS);

    public NeuralMapConfig {
        hidden = hidden.clone();
        potentialHidden = potentialHidden.clone();
    }

    /** Reads the {@code map.*} keys and the critic keys of {@link #CRITIC}. */
    public static NeuralMapConfig from(Settings s) {
        double lr = s.get(LR);
        double potentialLr = s.get(POTENTIAL_LR);
        return new NeuralMapConfig(s.get(HIDDEN), s.get(INIT_STD), s.get(INNER_STEPS), OPTIMIZER.read(s, lr(lr, LOW_DIM_LR)), Double.isNaN(lr),
                s.get(CriticConfig.HIDDEN), s.get(CriticConfig.INIT_STD), s.get(CriticConfig.STEPS), s.get(CriticConfig.ADAPT_STEPS),
                POTENTIAL_OPTIMIZER.read(s, lr(potentialLr, LOW_DIM_POTENTIAL_LR)), Double.isNaN(potentialLr));
    }

    private static double lr(double configured, double reference) {
        return Double.isNaN(configured) ? reference : configured;
    }

    /** Whether {@code auto} uses the low-dimension rates in dimension {@code dim}: {@code 1 <= dim <= 32}. */
    public static boolean lowDimension(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dim);
        }
        return dim <= LOW_DIM_MAX;
    }

    /** {@code T}'s optimiser in dimension {@code dim}: under {@code auto}, with the rate of that dimension. */
    public OptimizerConfig optimizer(int dim) {
        return autoLr ? optimizer.withLearningRate(lowDimension(dim) ? LOW_DIM_LR : HIGH_DIM_LR) : optimizer;
    }

    /** {@code f}'s optimiser in dimension {@code dim}: under {@code auto}, with the rate of that dimension. */
    public OptimizerConfig potentialOptimizer(int dim) {
        return autoPotentialLr ? potentialOptimizer.withLearningRate(lowDimension(dim) ? LOW_DIM_POTENTIAL_LR : HIGH_DIM_POTENTIAL_LR)
                : potentialOptimizer;
    }

    /** The scalar potential network on {@code dim} inputs. */
    public MlpSpec potentialSpec(int dim) {
        return MlpSpec.scalar(dim, potentialHidden, potentialInitStd);
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
    public int[] potentialHidden() {
        return potentialHidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeuralMapConfig c && Arrays.equals(hidden, c.hidden) && initStd == c.initStd && innerSteps == c.innerSteps
                && optimizer.equals(c.optimizer) && autoLr == c.autoLr && Arrays.equals(potentialHidden, c.potentialHidden)
                && potentialInitStd == c.potentialInitStd && steps == c.steps && adaptSteps == c.adaptSteps
                && potentialOptimizer.equals(c.potentialOptimizer) && autoPotentialLr == c.autoPotentialLr;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + innerSteps;
    }

    @Override
    public String toString() {
        return "NeuralMapConfig[hidden=" + Arrays.toString(hidden) + ", initStd=" + initStd + ", innerSteps=" + innerSteps
                + ", optimizer=" + optimizer + ", autoLr=" + autoLr + ", potentialHidden=" + Arrays.toString(potentialHidden) + ", potentialInitStd="
                + potentialInitStd + ", steps=" + steps + ", adaptSteps=" + adaptSteps + ", potentialOptimizer=" + potentialOptimizer
                + ", autoPotentialLr=" + autoPotentialLr + "]";
    }
}
