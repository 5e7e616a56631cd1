package org.wasserflow.problems.metrics;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.wasserflow.api.Mixture;

/**
 * Points assigned to the modes of a {@link Mixture} {@code N(c_k, std^2 I)} in dimension d, as the ring
 * benchmark's metrics (VEEGAN, Srivastava et al. 2017) do in 2-D, generalised to any dimension. A point is
 * <em>high quality</em> when it lies within {@code r = std sqrt(q_d)} of its nearest centre, where {@code q_d}
 * is the chi-square(d) quantile at probability {@code 1 - exp(-4.5)}: a component keeps that fraction (98.9%) of
 * its own mass in every dimension. In 2-D, {@code q_2 = 9} and {@code r} is 3 std as in the benchmark; in
 * d = 10, {@code q_10 = 22.9} and {@code r} is about 4.8 std, where 3 std would keep only 47% of a component's
 * mass (and less and less as d grows: 0.4% in d = 20).
 */
final class ModeAssignment {

    /** The probability mass of a component within the high-quality radius. */
    static final double HQ_PROBABILITY = 1 - Math.exp(-4.5);

    /** Of a point farther than the radius from every centre. */
    static final int NONE = -1;

    private ModeAssignment() {
    }

    /** The high-quality radius {@code std sqrt(q_d)} of {@code mixture}. */
    static double radius(Mixture mixture) {
        double q = new ChiSquaredDistribution(mixture.dimension()).inverseCumulativeProbability(HQ_PROBABILITY);
        return mixture.std() * Math.sqrt(q);
    }

    /**
     * The nearest centre of each point if within {@code radius} of it, else {@link #NONE}.
     *
     * @param points row-major {@code [n, d]}, d the mixture's dimension
     */
    static int[] assign(double[] points, Mixture mixture, double radius) {
        int d = mixture.dimension();
        if (points.length % d != 0) {
            throw new IllegalArgumentException(points.length + " values are not points of the mixture's dimension " + d);
        }
        double[][] centres = mixture.centres();
        int n = points.length / d;
        int[] mode = new int[n];
        double r2 = radius * radius;
        for (int i = 0; i < n; i++) {
            int best = NONE;
            double bestD = Double.POSITIVE_INFINITY;
            for (int k = 0; k < centres.length; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = points[i * d + j] - centres[k][j];
                    s += diff * diff;
                }
                if (s < bestD) {
                    bestD = s;
                    best = k;
                }
            }
            mode[i] = bestD <= r2 ? best : NONE;
        }
        return mode;
    }

    /** The number of points assigned to each of {@code modes} modes. */
    static int[] counts(int[] assignment, int modes) {
        int[] counts = new int[modes];
        for (int k : assignment) {
            if (k != NONE) {
                counts[k]++;
            }
        }
        return counts;
    }
}
