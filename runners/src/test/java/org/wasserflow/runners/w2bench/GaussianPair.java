package org.wasserflow.runners.w2bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A closed-form benchmark pair the tests make themselves: {@code P = N(m, L L^T)} and the affine map
 * {@code T*(x) = A x + b} with {@code A} symmetric positive definite, the gradient of a convex quadratic, hence the
 * W2-optimal map from P to {@code Q = T*#P}. All arrays are float {@code [n, d]}.
 */
final class GaussianPair {

    final int dim;
    final double[][] a;
    final double[] b;
    private final INDArray l;
    private final INDArray m;
    private final Random rng;

    GaussianPair(int dim, long seed) {
        this.dim = dim;
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        INDArray g = Nd4j.randn(rng, dim, dim).castTo(DataType.DOUBLE);
        INDArray spd = g.mmul(g.transpose()).divi(dim).addi(Nd4j.eye(dim).castTo(DataType.DOUBLE).muli(0.5));
        this.a = spd.toDoubleMatrix();
        this.b = Nd4j.randn(rng, 1, dim).castTo(DataType.DOUBLE).toDoubleVector();
        this.l = Nd4j.randn(rng, dim, dim).castTo(DataType.DOUBLE).divi(Math.sqrt(dim)).addi(Nd4j.eye(dim).castTo(DataType.DOUBLE));
        this.m = Nd4j.randn(rng, 1, dim).castTo(DataType.DOUBLE);
    }

    /** {@code n} samples of P. */
    INDArray p(int n) {
        return Nd4j.randn(rng, n, dim).castTo(DataType.DOUBLE).mmul(l.transpose()).addiRowVector(m).castTo(DataType.FLOAT);
    }

    /** {@code T*(x)} row by row. */
    INDArray map(INDArray x) {
        return x.castTo(DataType.DOUBLE).mmul(Nd4j.createFromArray(a).transpose()).addiRowVector(Nd4j.createFromArray(b))
                .castTo(DataType.FLOAT);
    }

    /** The exact total variance of Q: {@code trace(A L L^T A^T)}. */
    double varQ() {
        INDArray am = Nd4j.createFromArray(a).mmul(l);
        return am.mul(am).sumNumber().doubleValue();
    }
}
