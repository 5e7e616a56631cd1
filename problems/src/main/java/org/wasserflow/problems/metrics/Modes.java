package org.wasserflow.problems.metrics;

import java.util.Arrays;
import java.util.TreeMap;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Mixture;
import org.wasserflow.api.Sample;
import org.wasserflow.ot.Points;

/**
 * The modes that {@code modes} and {@code mode-stats} judge points by, in dimension d: a centre, a spread (a
 * per-coordinate standard deviation) and the high-quality radius {@code spread sqrt(q_d)} of each mode
 * ({@link ModeAssignment}). For a mixture data law they are its components ({@code N(c_k, std^2 I)}: the
 * centres and the common std). For labelled evaluation data without a mixture, each label with at least two
 * points is a mode: its centre is the mean of its points and its spread the root mean square of their
 * coordinates' deviations from that mean, {@code sqrt(sum |x_i - c_k|^2 / (n_k d))}, i.e. the label's points as
 * if they were one isotropic Gaussian component; modes are numbered in increasing label order.
 *
 * @param centres {@code [k][d]}
 * @param spreads {@code [k]}, positive
 * @param radii {@code [k]}, the high-quality radius of each mode
 */
record Modes(double[][] centres, double[] spreads, double[] radii) {

    /** The modes of {@code e}: the mixture's if it has one, else the labels' of its data set. */
    static Modes of(Evaluation e, String metric) {
        if (e.mixture().isPresent()) {
            return of(e.mixture().get());
        }
        return ofLabels(e.data(), metric);
    }

    /** A mixture's components. */
    static Modes of(Mixture mixture) {
        double[] spreads = new double[mixture.modes()];
        Arrays.fill(spreads, mixture.std());
        return withRadii(mixture.centres(), spreads);
    }

    /** Each label of {@code data} with at least two points as a mode. */
    static Modes ofLabels(Sample data, String metric) {
        int[] labels = data.labelsIfAny().orElseThrow(() -> new IllegalArgumentException(metric + " needs a mixture or labelled data"));
        int d = (int) data.points().columns();
        double[] x = Points.flat(data.points());
        TreeMap<Integer, double[]> sums = new TreeMap<>();
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            double[] s = sums.computeIfAbsent(labels[i], k -> new double[d]);
            for (int j = 0; j < d; j++) {
                s[j] += x[i * d + j];
            }
            counts.merge(labels[i], 1, Integer::sum);
        }
        counts.values().removeIf(c -> c < 2);
        sums.keySet().retainAll(counts.keySet());
        if (counts.isEmpty()) {
            throw new IllegalArgumentException(metric + ": no label of the data has two points");
        }
        Integer[] kept = counts.keySet().toArray(new Integer[0]);
        double[][] centres = new double[kept.length][];
        double[] spreads = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            centres[k] = sums.get(kept[k]);
            for (int j = 0; j < d; j++) {
                centres[k][j] /= counts.get(kept[k]);
            }
        }
        for (int i = 0; i < labels.length; i++) {
            int k = Arrays.binarySearch(kept, labels[i]);
            if (k < 0) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                double diff = x[i * d + j] - centres[k][j];
                spreads[k] += diff * diff;
            }
        }
        for (int k = 0; k < kept.length; k++) {
            spreads[k] = Math.sqrt(spreads[k] / ((double) counts.get(kept[k]) * d));
            if (!(spreads[k] > 0)) {
                throw new IllegalArgumentException(metric + ": the points of label " + kept[k] + " of the data all coincide");
            }
        }
        return withRadii(centres, spreads);
    }

    private static Modes withRadii(double[][] centres, double[] spreads) {
        double scale = ModeAssignment.scale(centres[0].length);
        double[] radii = new double[spreads.length];
        for (int k = 0; k < spreads.length; k++) {
            radii[k] = spreads[k] * scale;
        }
        return new Modes(centres, spreads, radii);
    }

    /** The number of modes. */
    int count() {
        return centres.length;
    }

    /** The dimension. */
    int dimension() {
        return centres[0].length;
    }
}
