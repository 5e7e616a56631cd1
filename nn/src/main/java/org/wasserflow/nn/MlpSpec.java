package org.wasserflow.nn;

import java.util.Arrays;

/**
 * The architecture of an {@link Mlp}: {@code input -> hidden... -> output}, ReLU after every hidden
 * layer, a linear output layer, optionally followed by tanh.
 *
 * @param inputDim input width
 * @param hidden hidden widths, at least one
 * @param outputDim output width
 * @param norm normalisation of the hidden pre-activations
 * @param residual whether the network adds its input to its output ({@code G(z) = z + MLP(z)}); needs
 *     {@code outputDim == inputDim}
 * @param initStd standard deviation of the Gaussian weight initialisation (biases start at zero)
 * @param output the output map: linear ({@code MLP(z)}, plus {@code z} if residual), tanh of that, or the authors'
 *     image generator's {@code clamp(z, -1, 1) + outputScale * tanh(MLP(z))} ({@link Output#CLAMP_TANH}, residual only)
 * @param normScaleStd batch norm's scales (gamma) start at 1 when 0, else are drawn from {@code N(0, normScaleStd^2)}
 *     (the authors' generator: 0.01, which makes the early generator nearly the identity); shifts start at 0
 * @param outputScale the factor on tanh in {@link Output#CLAMP_TANH} (the authors': 2, so that any pixel in [-1, 1]
 *     can reach any other); 1 and unused for the other outputs
 */
public record MlpSpec(int inputDim, int[] hidden, int outputDim, Norm norm, boolean residual, double initStd, Output output,
        double normScaleStd, double outputScale) {

    /** Normalisation of hidden pre-activations. */
    public enum Norm { NONE, BATCH }

    /**
     * The output map: none; tanh after the residual sum (outputs in (-1, 1), images scaled to [-1, 1]); or
     * {@code clamp(z, -1, 1) + outputScale * tanh(MLP(z))}, a skip through the clamped input plus a bounded correction.
     */
    public enum Output { LINEAR, TANH, CLAMP_TANH }

    /** A network with a linear output. */
    public MlpSpec(int inputDim, int[] hidden, int outputDim, Norm norm, boolean residual, double initStd) {
        this(inputDim, hidden, outputDim, norm, residual, initStd, Output.LINEAR);
    }

    /** A network whose batch-norm scales start at 1. */
    public MlpSpec(int inputDim, int[] hidden, int outputDim, Norm norm, boolean residual, double initStd, Output output) {
        this(inputDim, hidden, outputDim, norm, residual, initStd, output, 0);
    }

    /** A network whose output map has no scale (linear or tanh, or clamp-tanh with scale 1). */
    public MlpSpec(int inputDim, int[] hidden, int outputDim, Norm norm, boolean residual, double initStd, Output output,
            double normScaleStd) {
        this(inputDim, hidden, outputDim, norm, residual, initStd, output, normScaleStd, 1);
    }

    public MlpSpec {
        hidden = hidden.clone();
        if (inputDim <= 0 || outputDim <= 0 || hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("bad widths: " + inputDim + " -> " + Arrays.toString(hidden) + " -> " + outputDim);
        }
        if (residual && inputDim != outputDim) {
            throw new IllegalArgumentException("a residual network needs outputDim == inputDim, got " + inputDim + " and " + outputDim);
        }
        if (!(initStd > 0)) {
            throw new IllegalArgumentException("initStd must be > 0, got " + initStd);
        }
        if (output == Output.CLAMP_TANH && !residual) {
            throw new IllegalArgumentException("the clamp-tanh output is a residual form: clamp(z) + scale * tanh(MLP(z)) needs residual");
        }
        if (!(outputScale > 0)) {
            throw new IllegalArgumentException("outputScale must be > 0, got " + outputScale);
        }
        if (!(normScaleStd >= 0)) {
            throw new IllegalArgumentException("normScaleStd must be >= 0, got " + normScaleStd);
        }
    }

    /** A plain ReLU network with a scalar output, as used for potentials and critics. */
    public static MlpSpec scalar(int inputDim, int[] hidden, double initStd) {
        return new MlpSpec(inputDim, hidden, 1, Norm.NONE, false, initStd);
    }

    /** Width of layer {@code l}'s output; {@code l} from 0 (first hidden) to {@code hidden.length} (output). */
    int width(int l) {
        return l < hidden.length ? hidden[l] : outputDim;
    }

    /** Width of layer {@code l}'s input. */
    int fanIn(int l) {
        return l == 0 ? inputDim : hidden[l - 1];
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec s && inputDim == s.inputDim && Arrays.equals(hidden, s.hidden) && outputDim == s.outputDim
                && norm == s.norm && residual == s.residual && initStd == s.initStd && output == s.output && normScaleStd == s.normScaleStd
                && outputScale == s.outputScale;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + inputDim * 7 + outputDim;
    }

    @Override
    public String toString() {
        return "MlpSpec[" + inputDim + " -> " + Arrays.toString(hidden) + " -> " + outputDim + ", norm=" + norm
                + ", residual=" + residual + ", initStd=" + initStd + ", output=" + output + ", normScaleStd=" + normScaleStd
                + ", outputScale=" + outputScale + "]";
    }
}
