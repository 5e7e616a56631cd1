package org.wasserflow.problems.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Frechet (2-Wasserstein) distance between two Gaussians fitted to feature sets, as in FID:
 * {@code |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr((S1^1/2 S2 S1^1/2)^1/2)}. The matrix square roots come from
 * symmetric eigen decompositions in double precision (LAPACK {@code syev} through ND4J; commons-math3's fails to
 * converge on the rank-deficient covariances of ReLU features with dead units), with eigenvalues below zero (rounding of a positive
 * semi-definite matrix) clamped to zero, so the trace term is real and the result is never below
 * {@code |mu1 - mu2|^2} by more than rounding; a negative total from rounding is reported as 0. Symmetric in its
 * two arguments up to rounding. Covariances are unbiased ({@code n - 1}), so each set needs two rows.
 */
public final class Frechet {

    /** A fitted Gaussian: the mean {@code [d]} and the covariance {@code [d][d]}. */
    public record Gaussian(double[] mean, double[][] covariance) {

        /** The dimension. */
        public int dimension() {
            return mean.length;
        }
    }

    private Frechet() {
    }

    /** The mean and unbiased covariance of the rows of row-major {@code x [n, d]}, {@code n >= 2}. */
    public static Gaussian fit(float[] x, int d) {
        int n = x.length / d;
        if (n < 2 || x.length % d != 0) {
            throw new IllegalArgumentException("a Gaussian fit needs at least two rows of " + d + " values, got " + x.length + " values");
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                c[j] = x[i * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = c[a];
                if (ca == 0) {
                    continue;
                }
                double[] row = cov[a];
                for (int b = a; b < d; b++) {
                    row[b] += ca * c[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return new Gaussian(mean, cov);
    }

    /** The Frechet distance (squared 2-Wasserstein distance) between {@code p} and {@code q}, as the class documents. */
    public static double distance(Gaussian p, Gaussian q) {
        int d = p.dimension();
        if (q.dimension() != d) {
            throw new IllegalArgumentException("Gaussians of dimensions " + d + " and " + q.dimension());
        }
        double shift = 0;
        double traces = 0;
        for (int j = 0; j < d; j++) {
            double diff = p.mean()[j] - q.mean()[j];
            shift += diff * diff;
            traces += p.covariance()[j][j] + q.covariance()[j][j];
        }
        INDArray root = sqrtPsd(Nd4j.createFromArray(p.covariance()));
        INDArray inner = root.mmul(Nd4j.createFromArray(q.covariance())).mmul(root);
        INDArray lambda = Eigen.symmetricGeneralizedEigenvalues(symmetrised(inner), false);
        double cross = 0;
        for (int k = 0; k < lambda.length(); k++) {
            cross += Math.sqrt(Math.max(0, lambda.getDouble(k)));
        }
        return Math.max(0, shift + traces - 2 * cross);
    }

    /** The symmetric square root of a symmetric positive semi-definite double matrix, negative eigenvalues clamped to 0. */
    static INDArray sqrtPsd(INDArray s) {
        INDArray v = symmetrised(s);
        INDArray lambda = Eigen.symmetricGeneralizedEigenvalues(v, true);
        double[] roots = new double[(int) lambda.length()];
        for (int k = 0; k < roots.length; k++) {
            roots[k] = Math.sqrt(Math.max(0, lambda.getDouble(k)));
        }
        return symmetrised(v.mulRowVector(Nd4j.createFromArray(roots)).mmul(v.transpose()));
    }

    /** {@code (m + m^T) / 2}, a new 'c'-ordered array: removes the rounding asymmetry of a product of symmetric matrices. */
    private static INDArray symmetrised(INDArray m) {
        return m.add(m.transpose()).muli(0.5).dup('c');
    }
}
