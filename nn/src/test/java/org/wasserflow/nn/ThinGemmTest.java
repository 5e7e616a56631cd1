package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link ThinGemm} reproduces OpenBLAS's {@code sgemm} bit for bit where its probe says so, and its probe tells
 * blockings apart: the blocking rule, the shapes the networks use, and a wrong blocking that must not match.
 */
class ThinGemmTest {

    /** The thin products of the default networks: bias sums, the output and input layers' weight gradients. */
    private static final ThinGemm.Shape[] NETWORK_SHAPES = {
        new ThinGemm.Shape(1, 128, 1536, true, false, 1f, 1f), new ThinGemm.Shape(2, 128, 1536, true, false, 1f, 1f),
        new ThinGemm.Shape(128, 1, 1536, true, false, 1f, 1f), new ThinGemm.Shape(1, 128, 512, true, false, 1f, 1f),
        new ThinGemm.Shape(128, 1, 512, true, false, 1f, 1f), new ThinGemm.Shape(2, 128, 256, true, false, 1f, 0f),
        new ThinGemm.Shape(128, 2, 256, true, false, 1f, 0f), new ThinGemm.Shape(1, 128, 256, true, false, 1f / 256, 0f)};

    @Test
    void theBlockingRuleIsOpenBlasDrivers() {
        assertArrayEquals(new int[] {320, 640, 960, 1248, 1536}, new ThinGemm.Blocking(320, 8).ends(1536));
        assertArrayEquals(new int[] {256, 512}, new ThinGemm.Blocking(320, 8).ends(512), "a remainder under 2q is halved");
        assertArrayEquals(new int[] {320, 640, 824, 1000}, new ThinGemm.Blocking(320, 8).ends(1000), "half of 360 rounded up to 8");
        assertArrayEquals(new int[] {320, 640, 820, 1000}, new ThinGemm.Blocking(320, 4).ends(1000));
        assertArrayEquals(new int[] {31}, new ThinGemm.Blocking(320, 8).ends(31));
    }

    @Test
    void onlyThinShapesWithLongSumsAreTaken() {
        assertTrue(new ThinGemm.Shape(1, 128, 1536, true, false, 1f, 1f).thin());
        assertTrue(new ThinGemm.Shape(128, 2, 512, true, true, 1f, 1f).thin());
        assertFalse(new ThinGemm.Shape(512, 128, 128, false, false, 1f, 0f).thin(), "a square product");
        assertFalse(new ThinGemm.Shape(512, 1, 128, false, false, 1f, 0f).thin(), "the output layer's forward product: rows not in place");
        assertFalse(new ThinGemm.Shape(512, 128, 2, false, false, 1f, 0f).thin(), "a sum of two terms");
        assertFalse(new ThinGemm.Shape(1, 1, 1536, true, false, 1f, 1f).thin(), "nothing wide to vectorise");
    }

    /** With OpenBLAS's Haswell kernels (this project's machines) every shape of the networks is computed here. */
    @Test
    void theNetworksThinShapesAreTakenWithHaswellKernels() {
        Assumptions.assumeTrue("Haswell".equals(System.getenv("OPENBLAS_CORETYPE")), "the kernels are chosen for this CPU");
        for (ThinGemm.Shape s : NETWORK_SHAPES) {
            assertTrue(ThinGemm.matched(s), s + " should match sgemm with some blocking");
        }
    }

    /** Whatever the kernels, what is computed here equals sgemm on fresh operands, including row blocks. */
    @Test
    void matchedShapesEqualSgemmOnOtherOperands() {
        for (ThinGemm.Shape s : NETWORK_SHAPES) {
            for (long seed = 1; seed <= 3; seed++) {
                INDArray a = random(s.transA() ? s.k() : s.m(), s.transA() ? s.m() : s.k(), seed);
                INDArray b = random(s.transB() ? s.n() : s.k(), s.transB() ? s.k() : s.n(), seed + 10);
                INDArray c = random(s.m(), s.n(), seed + 20);
                INDArray want = c.dup();
                Gemm.sgemm(a, b, want, s.transA(), s.transB(), s.alpha(), s.beta());
                ThinGemm.gemm(a, b, c, s.transA(), s.transB(), s.alpha(), s.beta());
                assertArrayEquals(want.data().asFloat(), c.data().asFloat(), 0f, s.toString());
            }
        }
    }

    /** The probe is a real test: a blocking other than the kernel's changes the result, so it is not taken. */
    @Test
    void aWrongBlockingDoesNotMatch() {
        ThinGemm.Shape s = new ThinGemm.Shape(1, 128, 1536, true, false, 1f, 1f);
        Assumptions.assumeTrue(ThinGemm.matched(s), "the kernels' blocking is known");
        INDArray a = random(1536, 1, 5);
        INDArray b = random(1536, 128, 6);
        INDArray want = random(1, 128, 7);
        INDArray wrong = want.dup();
        INDArray unblocked = want.dup();
        Gemm.sgemm(a, b, want, true, false, 1.0, 1.0);
        ThinGemm.compute(s, new ThinGemm.Blocking(256, 8).ends(1536), a, b, wrong);
        ThinGemm.compute(s, new int[] {1536}, a, b, unblocked);
        assertFalse(Arrays.equals(want.data().asFloat(), wrong.data().asFloat()), "blocks of 256 instead of the kernel's");
        assertFalse(Arrays.equals(want.data().asFloat(), unblocked.data().asFloat()), "one block for the whole sum");
    }

    private static INDArray random(int rows, int cols, long seed) {
        return Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(seed), new long[] {rows, cols}).castTo(DataType.FLOAT);
    }
}
