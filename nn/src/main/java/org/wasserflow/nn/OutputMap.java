package org.wasserflow.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The map from the last layer's affine output {@code a = h W + b} to the network's output, shared by training
 * ({@link Mlp}, {@link BatchNormHalves}) and inference ({@link Inference}): {@code a}, plus the input {@code z} if
 * residual, then tanh if asked ({@link MlpSpec.Output#TANH}); or {@code clamp(z, -1, 1) + s * tanh(a)}
 * ({@link MlpSpec.Output#CLAMP_TANH}).
 */
final class OutputMap {

    private OutputMap() {
    }

    /**
     * Turns {@code a} into the output, in place.
     *
     * @param a the affine output {@code [m, outputDim]}, overwritten with the output
     * @param input the network's input rows {@code [m, inputDim]}, not modified
     */
    static void apply(MlpSpec spec, INDArray a, INDArray input) {
        if (spec.output() == MlpSpec.Output.CLAMP_TANH) {
            Transforms.tanh(a, false).muli(spec.outputScale()).addi(clamp(input));
            return;
        }
        if (spec.residual()) {
            a.addi(input);
        }
        if (spec.output() == MlpSpec.Output.TANH) {
            Transforms.tanh(a, false);
        }
    }

    /**
     * The gradient with respect to the affine output {@code a}, given {@code dOut}, the gradient with respect to
     * the output that {@link #apply} left in {@code out}: {@code dOut} itself for a linear output (not copied), a
     * new array otherwise. Nothing is modified.
     */
    static INDArray backward(MlpSpec spec, INDArray out, INDArray input, INDArray dOut) {
        return switch (spec.output()) {
            case LINEAR -> dOut;
            case TANH -> out.mul(out).rsubi(1).muli(dOut);
            case CLAMP_TANH -> {
                double s = spec.outputScale();
                INDArray t = out.sub(clamp(input)).divi(s);
                yield t.muli(t).rsubi(1).muli(s).muli(dOut);
            }
        };
    }

    private static INDArray clamp(INDArray input) {
        return Transforms.max(Transforms.min(input, 1.0, true), -1.0, false);
    }
}
