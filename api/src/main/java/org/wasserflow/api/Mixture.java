package org.wasserflow.api;

/**
 * The structure of a Gaussian mixture law, for metrics that judge samples by mode: equal-weight components
 * {@code N(centre_k, std^2 I)}.
 *
 * @param centres {@code [k][d]}, one row per component
 * @param std the per-coordinate standard deviation of every component
 */
public record Mixture(double[][] centres, double std) {

    public Mixture {
        if (centres.length == 0 || std <= 0) {
            throw new IllegalArgumentException("a mixture needs components and a positive std");
        }
        double[][] copy = new double[centres.length][];
        for (int k = 0; k < centres.length; k++) {
            copy[k] = centres[k].clone();
        }
        centres = copy;
    }

    /** The number of components. */
    public int modes() {
        return centres.length;
    }

    /** The dimension. */
    public int dimension() {
        return centres[0].length;
    }

    /** A copy of centre {@code k}. */
    public double[] centre(int k) {
        return centres[k].clone();
    }

    @Override
    public double[][] centres() {
        double[][] copy = new double[centres.length][];
        for (int k = 0; k < centres.length; k++) {
            copy[k] = centres[k].clone();
        }
        return copy;
    }
}
