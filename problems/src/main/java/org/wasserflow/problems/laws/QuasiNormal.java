package org.wasserflow.problems.laws;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * Randomised quasi-Monte Carlo standard normal points, for evaluation sets of a Gaussian source: the first {@code m}
 * points of the Sobol sequence in {@code dim} dimensions (Joe and Kuo's direction numbers, as shipped by
 * commons-math3), shifted by one uniform vector modulo 1 (the Cranley-Patterson rotation, which makes every point
 * uniform on the unit cube and the set depend on the seed) and mapped coordinate-wise through the normal quantile.
 * Every point is {@code N(0, I)}; the set covers the space more evenly than independent draws, so the share of
 * points a generator sends to each region, one mode of a mixture say, errs less than the multinomial noise of an
 * independent set: what stratification does for a mixture's evaluation set, done for the latent space.
 */
public final class QuasiNormal {

    /** The largest dimension the Sobol direction numbers cover. */
    public static final int MAX_DIMENSION = 1000;

    /** Uniforms are kept this far inside (0, 1), so the quantile stays finite (at most 7.9 standard deviations). */
    private static final double EDGE = 1e-15;

    private QuasiNormal() {
    }

    /**
     * {@code m} standard normal points in {@code dim} dimensions, row-major {@code [m * dim]}.
     *
     * @param rng draws the {@code dim} shifts; advanced by {@code dim} draws
     * @throws IllegalArgumentException if {@code dim} exceeds {@link #MAX_DIMENSION}
     */
    public static double[] standard(int m, int dim, RandomGenerator rng) {
        if (dim < 1 || dim > MAX_DIMENSION) {
            throw new IllegalArgumentException("quasi-random points need a dimension from 1 to " + MAX_DIMENSION + ", got " + dim);
        }
        double[] shift = new double[dim];
        for (int j = 0; j < dim; j++) {
            shift[j] = rng.nextDouble();
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(dim);
        double[] out = new double[m * dim];
        for (int i = 0; i < m; i++) {
            double[] u = sobol.nextVector();
            for (int j = 0; j < dim; j++) {
                double v = u[j] + shift[j];
                v = v >= 1 ? v - 1 : v;
                out[i * dim + j] = quantile(Math.min(Math.max(v, EDGE), 1 - EDGE));
            }
        }
        return out;
    }

    /** The standard normal quantile of {@code p} in (0, 1). */
    static double quantile(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
}
