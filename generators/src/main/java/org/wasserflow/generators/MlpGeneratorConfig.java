package org.wasserflow.generators;

import java.util.Arrays;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.MlpSpec;
import org.wasserflow.nn.OptimizerConfig;

/**
 * The residual MLP generator {@code G(z) = z + MLP(z)} of docs/math.md section 6, read from {@code generator.*}
 * ({@link #GROUP}).
 *
 * @param hidden hidden widths
 * @param initStd std of the initial weights
 * @param batchNorm batch norm before each hidden ReLU
 * @param residual add the input to the output
 * @param output the output map ({@link MlpSpec.Output})
 * @param outputScale the factor on tanh of the clamp-tanh output
 * @param optimizer the generator's optimiser
 * @param normScaleStd 0 for batch-norm scales starting at 1, else their initial std
 */
public record MlpGeneratorConfig(int[] hidden, double initStd, boolean batchNorm, boolean residual, MlpSpec.Output output,
        double outputScale, OptimizerConfig optimizer, double normScaleStd) {

    public static final Setting<int[]> HIDDEN = Setting.positiveInts("generator.hidden", 128, 128, 128)
            .describe("hidden widths of the generator MLP");
    public static final Setting<Double> INIT_STD = Setting.number("generator.init_std", 0.01).positive()
            .describe("std of the N(0, std^2) initial weights");
    public static final Setting<Boolean> BATCH_NORM = Setting.flag("generator.batch_norm", true)
            .describe("batch norm before each hidden ReLU: batch statistics in training, running statistics at inference");
    public static final Setting<Boolean> RESIDUAL = Setting.flag("generator.residual", true)
            .describe("add the input to the output: G(z) = z + MLP(z)");
    public static final Setting<String> OUTPUT = Setting.choice("generator.output", "linear", "linear", "tanh", "clamp-tanh")
            .describe("output map: linear (z + MLP(z)), tanh of that to bound images to (-1, 1), or clamp-tanh, the authors' "
                    + "image generator clamp(z, -1, 1) + generator.output_scale * tanh(MLP(z)) (needs generator.residual=true)");
    public static final Setting<Double> OUTPUT_SCALE = Setting.number("generator.output_scale", 2.0).positive()
            .describe("the factor on tanh in generator.output=clamp-tanh (the authors' 2: any pixel of [-1, 1] can reach any other)");
    public static final Setting<String> NORM_SCALE_INIT = Setting.choice("generator.norm_scale_init", "ones", "ones", "normal")
            .describe("initial batch-norm scales: ones (the default), or normal N(0, generator.norm_scale_std^2) as in the authors' code");
    public static final Setting<Double> NORM_SCALE_STD = Setting.number("generator.norm_scale_std", 0.01).positive()
            .describe("std of the initial batch-norm scales with generator.norm_scale_init=normal");
    public static final Setting<Integer> THREADS = Setting.integer("generator.threads", 2).between(1, 2, false, false)
            .describe("threads for the two row halves of each batch-norm layer's passes: 1, or 2 (bit-identical results)");
    public static final Setting<Double> BN_MOMENTUM = Setting.number("generator.bn_momentum", 0.1).between(0, 1, true, false)
            .describe("weight of each new training batch in batch norm's running mean and variance, which sample, transport and "
                    + "the run's evaluation normalise with (PyTorch's momentum)");
    public static final Setting<String> REGRESSION = Setting.choice("generator.regression", "squared", "squared", "distance")
            .describe("the persistent steps' regression loss: squared (mean squared error, the papers'; its minimiser over "
                    + "minibatches is the conditional mean of the targets) or distance (mean Euclidean distance per row; its "
                    + "minimiser is their geometric median, which ignores targets that a minority of minibatches sends to "
                    + "another mode; docs/toys.md)");
    public static final Setting<Double> AVERAGE = Setting.number("generator.average", 0.0).between(0, 1, false, true)
            .describe("decay per optimiser step of an exponential moving average of the generator's parameters and batch-norm "
                    + "statistics, which sample, transport and the run's evaluations use instead of the live parameters; it damps "
                    + "the generator's oscillation around its fit (0: off; 0.99 averages over about the last 100 steps, K per "
                    + "iteration); training is unchanged");
    public static final OptimizerConfig.Keys OPTIMIZER = OptimizerConfig.keys("generator", 1e-4, 0.9, 0.999);

    /** The {@code generator.*} keys of the MLP generator. */
    public static final SettingGroup GROUP = SettingGroup.of("generator", "residual MLP generator", HIDDEN, INIT_STD, BATCH_NORM,
            RESIDUAL, OUTPUT, OUTPUT_SCALE, NORM_SCALE_INIT, NORM_SCALE_STD, THREADS, BN_MOMENTUM, REGRESSION, AVERAGE).with(OPTIMIZER.group("generator", "generator optimiser"));

    public MlpGeneratorConfig {
        hidden = hidden.clone();
    }

    /**
     * Reads the {@code generator.*} keys.
     *
     * @throws ConfigException naming {@code generator.residual} for the clamp-tanh output without the residual form
     */
    public static MlpGeneratorConfig from(Settings s) {
        MlpSpec.Output output = switch (s.get(OUTPUT)) {
            case "tanh" -> MlpSpec.Output.TANH;
            case "clamp-tanh" -> MlpSpec.Output.CLAMP_TANH;
            default -> MlpSpec.Output.LINEAR;
        };
        if (output == MlpSpec.Output.CLAMP_TANH && !s.get(RESIDUAL)) {
            throw new ConfigException(s.keyOf(RESIDUAL), false, "true: generator.output=clamp-tanh is the residual form "
                    + "clamp(z, -1, 1) + scale * tanh(MLP(z))");
        }
        return new MlpGeneratorConfig(s.get(HIDDEN), s.get(INIT_STD), s.get(BATCH_NORM), s.get(RESIDUAL), output, s.get(OUTPUT_SCALE),
                OPTIMIZER.read(s), s.get(NORM_SCALE_INIT).equals("normal") ? s.get(NORM_SCALE_STD) : 0);
    }

    /** The network mapping {@code dim} inputs to {@code dim} outputs. */
    public MlpSpec spec(int dim) {
        return new MlpSpec(dim, hidden, dim, batchNorm ? MlpSpec.Norm.BATCH : MlpSpec.Norm.NONE, residual, initStd, output, normScaleStd,
                output == MlpSpec.Output.CLAMP_TANH ? outputScale : 1);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpGeneratorConfig c && Arrays.equals(hidden, c.hidden) && initStd == c.initStd
                && batchNorm == c.batchNorm && residual == c.residual && output == c.output && outputScale == c.outputScale
                && optimizer.equals(c.optimizer)
                && normScaleStd == c.normScaleStd;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden);
    }

    @Override
    public String toString() {
        return "MlpGeneratorConfig[hidden=" + Arrays.toString(hidden) + ", initStd=" + initStd + ", batchNorm=" + batchNorm
                + ", residual=" + residual + ", output=" + output + ", outputScale=" + outputScale + ", optimizer=" + optimizer + ", normScaleStd=" + normScaleStd + "]";
    }
}
