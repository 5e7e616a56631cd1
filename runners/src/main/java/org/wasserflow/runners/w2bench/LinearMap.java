package org.wasserflow.runners.w2bench;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The W2-optimal map between two Gaussians (the benchmark's linear baseline): {@code T(x) = m_Q + A (x - m_P)} with
 * {@code A = S_P^{-1/2} (S_P^{1/2} S_Q S_P^{1/2})^{1/2} S_P^{-1/2}}, the means and covariances (divisor n - 1) fitted to
 * samples of P and Q. Matrix square roots come from commons-math3's symmetric eigendecomposition.
 */
public final class LinearMap {

    private final double[] meanP;
    private final double[] meanQ;
    private final RealMatrix a;

    private LinearMap(double[] meanP, double[] meanQ, RealMatrix a) {
        this.meanP = meanP;
        this.meanQ = meanQ;
        this.a = a;
    }

    /**
     * Fits the map from the Gaussian fit of {@code p} to that of {@code q}.
     *
     * @param p {@code [n, d]} samples of P
     * @param q {@code [m, d]} samples of Q
     */
    public static LinearMap fit(INDArray p, INDArray q) {
        INDArray xp = p.castTo(DataType.DOUBLE);
        INDArray xq = q.castTo(DataType.DOUBLE);
        RealMatrix sp = covariance(xp);
        RealMatrix sq = covariance(xq);
        RealMatrix root = power(sp, 0.5);
        RealMatrix inverseRoot = power(sp, -0.5);
        RealMatrix middle = power(symmetric(root.multiply(sq).multiply(root)), 0.5);
        return new LinearMap(xp.mean(0).toDoubleVector(), xq.mean(0).toDoubleVector(), inverseRoot.multiply(middle).multiply(inverseRoot));
    }

    /** The matrix {@code A}, {@code [d, d]}, a copy. */
    public double[][] matrix() {
        return a.getData();
    }

    /** {@code T(x)} for every row of {@code x}, a new float {@code [n, d]} array. */
    public INDArray apply(INDArray x) {
        int d = meanP.length;
        INDArray centred = x.castTo(DataType.DOUBLE).subRowVector(Nd4j.createFromArray(meanP));
        INDArray out = centred.mmul(Nd4j.createFromArray(a.getData()).transpose()).addiRowVector(Nd4j.createFromArray(meanQ));
        return out.reshape(x.rows(), d).castTo(DataType.FLOAT);
    }

    /** {@code s^power} of a symmetric positive definite matrix, through its eigendecomposition. */
    static RealMatrix power(RealMatrix s, double power) {
        EigenDecomposition e = new EigenDecomposition(s);
        double[] values = e.getRealEigenvalues();
        RealMatrix v = e.getV();
        int d = values.length;
        RealMatrix scaled = v.copy();
        for (int k = 0; k < d; k++) {
            if (!(values[k] > 0)) {
                throw new IllegalArgumentException("the covariance is singular (eigenvalue " + values[k] + "): the linear map is undefined");
            }
            double f = Math.pow(values[k], power);
            for (int i = 0; i < d; i++) {
                scaled.multiplyEntry(i, k, f);
            }
        }
        return symmetric(scaled.multiply(v.transpose()));
    }

    private static RealMatrix symmetric(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    /** The sample covariance (divisor n - 1) of the rows of {@code x}. */
    private static RealMatrix covariance(INDArray x) {
        INDArray centred = x.subRowVector(x.mean(0));
        return new Array2DRowRealMatrix(centred.transpose().mmul(centred).divi(x.rows() - 1).toDoubleMatrix(), false);
    }
}
