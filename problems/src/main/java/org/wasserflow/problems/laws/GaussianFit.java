package org.wasserflow.problems.laws;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Gaussian {@code N(mu, Sigma + ridge I)} fitted to rows, held as its mean and lower Cholesky factor {@code L}
 * ({@code L L^T = Sigma + ridge I}), both computed once in double precision.
 */
final class GaussianFit {

    private final INDArray mean;
    private final INDArray factorT;
    private final double trace;
    private final double logDeterminant;

    private GaussianFit(INDArray mean, INDArray factorT, double trace, double logDeterminant) {
        this.mean = mean;
        this.factorT = factorT;
        this.trace = trace;
        this.logDeterminant = logDeterminant;
    }

    /**
     * Fits {@code rows} ({@code [n, d]}, double; consumed: centred in place, so that the fit holds one copy of the
     * data rather than two): the mean, the population covariance
     * {@code (1/n) sum (x - mu)(x - mu)^T}, plus {@code ridge} on the diagonal, and its Cholesky factor.
     *
     * @throws IllegalArgumentException when the ridged covariance is not positive definite (a rank-deficient
     *     covariance with {@code ridge = 0}), with its rank deficiency in words
     */
    static GaussianFit of(INDArray rows, double ridge) {
        int n = rows.rows();
        int d = (int) rows.columns();
        INDArray mean = rows.mean(0).reshape(1, d);
        INDArray centred = rows.subiRowVector(mean);
        INDArray covariance = centred.transpose().mmul(centred).divi(n);
        double[][] c = covariance.toDoubleMatrix();
        double trace = 0;
        for (int k = 0; k < d; k++) {
            trace += c[k][k];
            c[k][k] += ridge;
        }
        RealMatrix lower;
        try {
            lower = new CholeskyDecomposition(new Array2DRowRealMatrix(c, false), 1e-9, 1e-12).getL();
        } catch (NonPositiveDefiniteMatrixException e) {
            long flat = java.util.stream.IntStream.range(0, d).filter(k -> covariance.getDouble(k, k) <= 1e-12).count();
            throw new IllegalArgumentException("the covariance of the " + n + " fitted rows is not positive definite ("
                    + flat + " of " + d + " coordinates are constant)");
        }
        double logDet = 0;
        for (int k = 0; k < d; k++) {
            logDet += 2 * Math.log(lower.getEntry(k, k));
        }
        INDArray factorT = Nd4j.create(lower.transpose().getData());
        return new GaussianFit(mean, factorT, trace, logDet);
    }

    /** The dimension d. */
    int dimension() {
        return (int) mean.columns();
    }

    /** {@code mu + z L^T} for standard normal rows {@code z} ({@code [m, d]}, double): new array, {@code z} not modified. */
    INDArray transform(INDArray z) {
        return z.mmul(factorT).addiRowVector(mean);
    }

    /** The trace of the fitted covariance, before the ridge: the total variance. */
    double trace() {
        return trace;
    }

    /** {@code log det(Sigma + ridge I)}. */
    double logDeterminant() {
        return logDeterminant;
    }

    /** The SHA-256 of the mean and the factor, as big-endian doubles, in hex. */
    String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (INDArray a : new INDArray[] {mean, factorT}) {
                ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES * (int) a.length());
                for (double v : a.dup('c').data().asDouble()) {
                    bytes.putDouble(v);
                }
                digest.update(bytes.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
