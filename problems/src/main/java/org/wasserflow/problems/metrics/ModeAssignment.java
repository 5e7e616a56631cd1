package org.wasserflow.problems.metrics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.wasserflow.api.Mixture;

/**
 * Points assigned to {@link Modes} (a {@link Mixture}'s components {@code N(c_k, std^2 I)}, or the classes of
 * labelled data) in dimension d, as the ring benchmark's metrics (VEEGAN, Srivastava et al. 2017) do in 2-D,
 * generalised to any dimension. A point is <em>high quality</em> when it lies within
 * {@code r_k = spread_k sqrt(q_d)} of its nearest centre k, where {@code q_d} is the chi-square(d) quantile at
 * probability {@code 1 - exp(-4.5)}: a Gaussian component keeps that fraction (98.9%) of its own mass in every
 * dimension. In 2-D, {@code q_2 = 9} and {@code r} is 3 std as in the benchmark; in d = 10, {@code q_10 = 22.9}
 * and {@code r} is about 4.8 std, where 3 std would keep only 47% of a component's mass (and less and less as d
 * grows: 0.4% in d = 20). The nearest centre is the one nearest in units of its mode's spread,
 * {@code |x - c_k| / spread_k} (for a mixture, whose spreads are equal, simply the nearest).
 */
final class ModeAssignment {

    /** The probability mass of a component within the high-quality radius. */
    static final double HQ_PROBABILITY = 1 - Math.exp(-4.5);

    /** Of a point farther than the radius from every centre. */
    static final int NONE = -1;

    private ModeAssignment() {
    }

    /** {@code sqrt(q_d)}: the high-quality radius in units of a mode's spread. */
    static double scale(int d) {
        return Math.sqrt(new ChiSquaredDistribution(d).inverseCumulativeProbability(HQ_PROBABILITY));
    }

    /** The high-quality radius {@code std sqrt(q_d)} of {@code mixture}. */
    static double radius(Mixture mixture) {
        return mixture.std() * scale(mixture.dimension());
    }

    /** {@link #assign(double[], Modes)} to a mixture's components with one given {@code radius}. */
    static int[] assign(double[] points, Mixture mixture, double radius) {
        double[] radii = new double[mixture.modes()];
        Arrays.fill(radii, radius);
        return assign(points, new Modes(mixture.centres(), Modes.of(mixture).spreads(), radii));
    }

    /**
     * The nearest mode of each point if within that mode's radius, else {@link #NONE}.
     *
     * @param points row-major {@code [n, d]}, d the modes' dimension
     */
    static int[] assign(double[] points, Modes modes) {
        int d = modes.dimension();
        if (points.length % d != 0) {
            throw new IllegalArgumentException(points.length + " values are not points of the modes' dimension " + d);
        }
        double[][] centres = modes.centres();
        double smallest = Arrays.stream(modes.spreads()).min().orElseThrow();
        double[] weight = new double[centres.length];
        double[] r2 = new double[centres.length];
        for (int k = 0; k < centres.length; k++) {
            double relative = modes.spreads()[k] / smallest;
            weight[k] = relative * relative;
            r2[k] = modes.radii()[k] * modes.radii()[k];
        }
        int n = points.length / d;
        int[] mode = new int[n];
        for (int i = 0; i < n; i++) {
            int best = NONE;
            double bestScaled = Double.POSITIVE_INFINITY;
            double bestD = Double.POSITIVE_INFINITY;
            for (int k = 0; k < centres.length; k++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = points[i * d + j] - centres[k][j];
                    s += diff * diff;
                }
                double scaled = s / weight[k];
                if (scaled < bestScaled) {
                    bestScaled = scaled;
                    bestD = s;
                    best = k;
                }
            }
            mode[i] = best != NONE && bestD <= r2[best] ? best : NONE;
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
