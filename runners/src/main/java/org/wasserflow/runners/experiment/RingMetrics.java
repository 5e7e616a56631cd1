package org.wasserflow.runners.experiment;

/**
 * Sample-quality metrics of the ring benchmark (VEEGAN, Srivastava et al. 2017): a sample is high quality
 * when it lies within 3 standard deviations of its nearest centre; a mode is covered when it receives at
 * least a quarter of its fair share {@code n / modes} of the samples as high-quality samples.
 */
public final class RingMetrics {

    /**
     * @param highQualityFraction fraction of samples within 3 std of their nearest centre
     * @param modesCovered number of centres with at least {@code n / (4 * modes)} high-quality samples
     * @param perMode high-quality samples per centre
     */
    public record Quality(double highQualityFraction, int modesCovered, int[] perMode) { }

    private RingMetrics() {
    }

    /**
     * @param points row-major {@code [n, 2]}
     * @param centres row-major {@code [modes, 2]}
     * @param std the per-coordinate std of each Gaussian
     */
    public static Quality quality(double[] points, double[] centres, double std) {
        int n = points.length / 2;
        int modes = centres.length / 2;
        int[] perMode = new int[modes];
        int hq = 0;
        double radius2 = 9 * std * std;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int k = 0; k < modes; k++) {
                double dx = points[2 * i] - centres[2 * k];
                double dy = points[2 * i + 1] - centres[2 * k + 1];
                double d = dx * dx + dy * dy;
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            if (bestD <= radius2) {
                hq++;
                perMode[best]++;
            }
        }
        int covered = 0;
        for (int count : perMode) {
            if (4L * count * modes >= n) {
                covered++;
            }
        }
        return new Quality(n == 0 ? 0 : (double) hq / n, covered, perMode);
    }
}
