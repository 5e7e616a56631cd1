package org.wasserflow.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finds, for one thin product shape, the blocking of {@code K} under which {@link ThinGemm} gives what the
 * machine's OpenBLAS {@code sgemm} gives: both compute the shape on random operands (with exact zeros of
 * both signs among them), once for each distinct way the candidate blockings cut {@code K}, and the first
 * blocking that matches every element bit for bit is kept. Random operands tell summation orders apart at
 * almost every element of a sum of more than two terms, so a blocking that matches them all is the
 * kernel's. None matching (other kernels, another order) leaves the shape with {@code sgemm}.
 */
final class SgemmBlocking {

    /** Block sizes and rounding units to try; OpenBLAS's x86-64 kernels use values among these. */
    private static final int[] Q = {96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 448, 512, 576, 640, 768, 1024};
    private static final int[] U = {1, 2, 4, 8, 16, 24, 32};
    private static final int PROBES = 2;

    private SgemmBlocking() {
    }

    /** The block ends of {@code K} matching {@code sgemm} for {@code s}, or {@link ThinGemm#none()}. */
    static int[] find(ThinGemm.Shape s) {
        if (!Gemm.direct()) {
            return ThinGemm.none();
        }
        return Scratch.outside(() -> {
            List<INDArray[]> probes = new ArrayList<>();
            for (int p = 0; p < PROBES; p++) {
                probes.add(probe(s, 31L * p + s.hashCode()));
            }
            List<int[]> tried = new ArrayList<>();
            for (int q : Q) {
                for (int u : U) {
                    int[] ends = new ThinGemm.Blocking(q, u).ends(s.k());
                    if (tried.stream().noneMatch(t -> Arrays.equals(t, ends))) {
                        tried.add(ends);
                        if (probes.stream().allMatch(p -> matches(s, ends, p))) {
                            return ends;
                        }
                    }
                }
            }
            return ThinGemm.none();
        });
    }

    /** Operands {@code a}, {@code b}, {@code c} as stored, and {@code sgemm}'s result. */
    private static INDArray[] probe(ThinGemm.Shape s, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        INDArray a = values(s.transA() ? s.k() : s.m(), s.transA() ? s.m() : s.k(), random);
        INDArray b = values(s.transB() ? s.n() : s.k(), s.transB() ? s.k() : s.n(), random);
        INDArray c = values(s.m(), s.n(), random);
        INDArray out = c.dup();
        Gemm.sgemm(a, b, out, s.transA(), s.transB(), s.alpha(), s.beta());
        return new INDArray[] {a, b, c, out};
    }

    private static boolean matches(ThinGemm.Shape s, int[] ends, INDArray[] probe) {
        INDArray c = probe[2].dup();
        ThinGemm.compute(s, ends, probe[0], probe[1], c);
        float[] got = c.data().asFloat();
        float[] want = probe[3].data().asFloat();
        for (int i = 0; i < got.length; i++) {
            if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(want[i])) {
                return false;
            }
        }
        return true;
    }

    /** Uniform values in (-2, 2), one in sixteen an exact zero of either sign. */
    private static INDArray values(int rows, int cols, SplittableRandom random) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            int pick = random.nextInt(32);
            v[i] = pick == 0 ? 0f : pick == 1 ? -0f : (float) (random.nextDouble(-2, 2));
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }
}
