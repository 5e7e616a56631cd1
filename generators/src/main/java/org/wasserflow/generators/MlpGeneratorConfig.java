package org.wasserflow.generators;

import java.util.Arrays;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;
import org.wasserflow.nn.OptimizerConfig;
import org.wasserflow.nn.MlpSpec;

/**
 * The residual MLP generator {@code G(z) = z + MLP(z)} of SPEC section 6, read from {@code generator.*}.
 *
 * @param hidden {@code generator.hidden}, default {@code 128,128,128}
 * @param initStd {@code generator.init_std}, default 0.01
 * @param batchNorm {@code generator.batch_norm}: batch norm before each hidden ReLU, default true
 * @param residual {@code generator.residual}: add the input to the output, default true
 * @param output {@code generator.output}: {@code linear} (default) or {@code tanh}, applied after the residual sum
 * @param optimizer {@code generator.optimizer} adam (default) or sgd, {@code generator.lr} 1e-4,
 *     {@code generator.beta1} 0.9, {@code generator.beta2} 0.999
 */
public record MlpGeneratorConfig(int[] hidden, double initStd, boolean batchNorm, boolean residual, MlpSpec.Output output,
        OptimizerConfig optimizer) {

    public MlpGeneratorConfig {
        hidden = hidden.clone();
        ConfigException.require(initStd > 0, "generator.init_std", initStd, "a number > 0");
    }

    /** Reads and validates the {@code generator.*} keys. */
    public static MlpGeneratorConfig from(Settings s) {
        return new MlpGeneratorConfig(s.getPositiveInts("generator.hidden", 128, 128, 128), s.getDouble("generator.init_std", 0.01),
                s.getBoolean("generator.batch_norm", true), s.getBoolean("generator.residual", true),
                s.getChoice("generator.output", "linear", java.util.List.of("linear", "tanh")).equals("tanh")
                        ? MlpSpec.Output.TANH : MlpSpec.Output.LINEAR,
                OptimizerConfig.from(s, "generator", 1e-4, 0.9, 0.999));
    }

    /** The network mapping {@code dim} inputs to {@code dim} outputs. */
    public MlpSpec spec(int dim) {
        return new MlpSpec(dim, hidden, dim, batchNorm ? MlpSpec.Norm.BATCH : MlpSpec.Norm.NONE, residual, initStd, output);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpGeneratorConfig c && Arrays.equals(hidden, c.hidden) && initStd == c.initStd
                && batchNorm == c.batchNorm && residual == c.residual && output == c.output && optimizer.equals(c.optimizer);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden);
    }

    @Override
    public String toString() {
        return "MlpGeneratorConfig[hidden=" + Arrays.toString(hidden) + ", initStd=" + initStd + ", batchNorm=" + batchNorm
                + ", residual=" + residual + ", output=" + output + ", optimizer=" + optimizer + "]";
    }
}
