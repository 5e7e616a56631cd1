package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** The fused float loops agree with the ND4J-op reference path (run in double) on the same weights. */
class KernelsTest {

    @ParameterizedTest
    @EnumSource(MlpSpec.Norm.class)
    void floatFastPathMatchesDoubleReference(MlpSpec.Norm norm) {
        MlpSpec spec = new MlpSpec(3, new int[] {16, 12}, norm == MlpSpec.Norm.BATCH ? 3 : 1, norm, norm == MlpSpec.Norm.BATCH, 0.5);
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(5);
        Mlp fast = new Mlp(spec, rng, DataType.FLOAT);
        Mlp ref = new Mlp(spec, rng, DataType.DOUBLE);
        ref.parameters().values().assign(fast.parameters().values().castTo(DataType.DOUBLE));
        INDArray x = Nd4j.randn(rng, 40, 3);
        INDArray r = Nd4j.randn(rng, 40, spec.outputDim());
        Tape tf = fast.newTape(40);
        Tape td = ref.newTape(40);
        INDArray of = fast.forward(tf, x.castTo(DataType.FLOAT)).dup();
        INDArray od = ref.forward(td, x.castTo(DataType.DOUBLE)).dup();
        assertEquals(0.0, of.castTo(DataType.DOUBLE).sub(od).amaxNumber().doubleValue(), 1e-4);
        fast.backward(tf, r.castTo(DataType.FLOAT));
        ref.backward(td, r.castTo(DataType.DOUBLE));
        INDArray gf = fast.parameters().grads().castTo(DataType.DOUBLE);
        INDArray gd = ref.parameters().grads();
        double scale = Math.max(1, gd.amaxNumber().doubleValue());
        assertEquals(0.0, gf.sub(gd).amaxNumber().doubleValue() / scale, 1e-4);
    }

    @Test
    void theBranchFreeStepIsExactForEveryNonNegativeFloat() {
        assertEquals(0f, Kernels.step(0f));
        for (float y : new float[] {Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL, 1e-20f, 0.5f, 1f, 3e38f, Float.MAX_VALUE, Float.POSITIVE_INFINITY}) {
            assertEquals(1f, Kernels.step(y), "step(" + y + ")");
        }
    }
}
