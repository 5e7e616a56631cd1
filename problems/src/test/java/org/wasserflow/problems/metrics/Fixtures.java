package org.wasserflow.problems.metrics;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Mixture;
import org.wasserflow.api.Sample;
import org.wasserflow.api.testkit.Contracts;
import org.wasserflow.problems.ProblemsModule;
import org.wasserflow.problems.laws.Draws;
import org.wasserflow.problems.laws.GaussianMixtureLaw;

/** Evaluation sets shared by the metric tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** The default {@code gaussian-mixture}: 8 Gaussians of std 0.1 on the unit circle. */
    static GaussianMixtureLaw ring() {
        return mixture(Map.of());
    }

    /** A {@code gaussian-mixture} with the given {@code law.*} settings. */
    static GaussianMixtureLaw mixture(Map<String, String> values) {
        return new GaussianMixtureLaw(Contracts.settings(ProblemsModule.GAUSSIAN_MIXTURE, values));
    }

    /** An evaluation with no labels and no mixture. */
    static Evaluation plain(INDArray generated, INDArray data, INDArray reference) {
        return new Evaluation(Sample.of(generated), generated, Sample.of(data), Sample.of(reference), Optional.empty(),
                new SplittableRandom(1));
    }

    /** An evaluation of {@code generated} against a mixture's stratified data and reference sets. */
    static Evaluation ring(INDArray generated, GaussianMixtureLaw law, long seed) {
        int n = (int) generated.rows();
        Sample data = law.stratified(n, new SplittableRandom(seed));
        Sample reference = law.stratified(n, new SplittableRandom(seed + 1));
        return new Evaluation(Sample.of(generated), generated, data, reference, law.mixture(), new SplittableRandom(seed + 2));
    }

    /**
     * {@code m} points of the mixture's components (stratified), each displaced from its centre by
     * {@code shift} times the unit vector of its centre ({@code (1, 0, ...)} for a centre at 0) and with
     * {@code scale} times the mixture's std.
     */
    static INDArray blobs(Mixture mixture, int m, double shift, double scale, RandomGenerator rng) {
        int d = mixture.dimension();
        int[] counts = Draws.stratifiedCounts(m, mixture.modes(), rng);
        double[] out = new double[m * d];
        int i = 0;
        for (int k = 0; k < mixture.modes(); k++) {
            double[] c = mixture.centre(k);
            double norm = Math.sqrt(java.util.Arrays.stream(c).map(v -> v * v).sum());
            for (int r = 0; r < counts[k]; r++, i++) {
                for (int j = 0; j < d; j++) {
                    double direction = norm > 0 ? c[j] / norm : (j == 0 ? 1 : 0);
                    out[i * d + j] = c[j] + shift * direction + scale * mixture.std() * Draws.normal(rng);
                }
            }
        }
        return Draws.rows(out, m, d);
    }

    /** Standard normal points {@code [m, d]} plus {@code shift} in every coordinate, float. */
    static INDArray gaussian(int m, int d, double shift, RandomGenerator rng) {
        double[] out = new double[m * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = Draws.normal(rng) + shift;
        }
        return Draws.rows(out, m, d);
    }

    /**
     * Two labelled clusters in d dimensions, std 0.3, around {@code -2 e_1} (label 0) and {@code +2 e_1} (label 1),
     * {@code m / 2} each, in label order.
     */
    static Sample clusters(int m, int d, RandomGenerator rng) {
        double[] out = new double[m * d];
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            labels[i] = i < m / 2 ? 0 : 1;
            for (int j = 0; j < d; j++) {
                out[i * d + j] = 0.3 * Draws.normal(rng) + (j == 0 ? 4 * labels[i] - 2 : 0);
            }
        }
        return new Sample(Draws.rows(out, m, d), labels);
    }

    /** {@code points + t} (t broadcast over rows), float. */
    static INDArray translate(INDArray points, double... t) {
        return points.addRowVector(Nd4j.createFromArray(t).castTo(points.dataType()));
    }
}
