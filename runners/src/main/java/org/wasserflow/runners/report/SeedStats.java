package org.wasserflow.runners.report;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * A metric's final values over the seeds of one variant, summarised: the mean, the sample standard deviation
 * (n - 1) and the half width of the 95% Student-t interval of the mean, {@code t(0.975, n - 1) * sd / sqrt(n)}.
 * Non-finite values (a metric that could not be computed) are left out of {@code n}.
 *
 * @param n how many finite values
 * @param mean their mean, NaN for none
 * @param sd their sample standard deviation, NaN for fewer than two
 * @param half the interval's half width, NaN for fewer than two
 */
public record SeedStats(int n, double mean, double sd, double half) {

    /** The level of {@link #distinct}'s test. */
    public static final double ALPHA = 0.05;

    /** Summarises {@code values}. */
    public static SeedStats of(double[] values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return new SeedStats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = StatUtils.mean(v);
        if (v.length < 2) {
            return new SeedStats(1, mean, Double.NaN, Double.NaN);
        }
        double sd = Math.sqrt(StatUtils.variance(v));
        double t = new TDistribution(null, v.length - 1).inverseCumulativeProbability(1 - ALPHA / 2);
        return new SeedStats(v.length, mean, sd, t * sd / Math.sqrt(v.length));
    }

    /**
     * The two-sided p-value of Welch's t-test (unequal variances) that {@code a} and {@code b} have the same mean,
     * the seeds as samples; NaN if either has fewer than two finite values. Two samples without spread give 1 if
     * their means are equal and 0 otherwise.
     */
    public static double welch(double[] a, double[] b) {
        double[] x = finite(a);
        double[] y = finite(b);
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        if (StatUtils.variance(x) == 0 && StatUtils.variance(y) == 0) {
            return StatUtils.mean(x) == StatUtils.mean(y) ? 1 : 0;
        }
        return new TTest().tTest(x, y);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }
}
