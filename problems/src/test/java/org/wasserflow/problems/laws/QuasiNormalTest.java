package org.wasserflow.problems.laws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.EmpiricalTransport;
import org.wasserflow.problems.ProblemsModule;

/** Randomised quasi-Monte Carlo normal points, and what they buy an evaluation: a perfect generator at its floor. */
class QuasiNormalTest {

    @Test
    void everyCoordinateIsNormalAndFarMoreEvenThanIndependentDraws() {
        int m = 2048;
        int dim = 3;
        double[] q = QuasiNormal.standard(m, dim, new SplittableRandom(7));
        double[] iid = gaussian(Map.of("source.dim", "3")).sample(m, new SplittableRandom(7)).points().ravel().toDoubleVector();
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (int j = 0; j < dim; j++) {
            double dq = ks.kolmogorovSmirnovStatistic(normal, column(q, dim, j));
            double di = ks.kolmogorovSmirnovStatistic(normal, column(iid, dim, j));
            assertTrue(dq < 0.005, "coordinate " + j + ": the quasi-random set's largest CDF gap " + dq + " is near 1/m");
            assertTrue(di > 2 * dq, "coordinate " + j + ": independent draws' gap " + di + " against " + dq);
        }
    }

    @Test
    void theSetIsTheSeedsAndOnlyTheSeeds() {
        assertArrayEquals(QuasiNormal.standard(64, 2, new SplittableRandom(1)), QuasiNormal.standard(64, 2, new SplittableRandom(1)));
        assertFalse(Arrays.equals(QuasiNormal.standard(64, 2, new SplittableRandom(1)), QuasiNormal.standard(64, 2, new SplittableRandom(2))));
        assertThrows(IllegalArgumentException.class, () -> QuasiNormal.standard(4, QuasiNormal.MAX_DIMENSION + 1, new SplittableRandom(1)));
        assertEquals(1.959963984540054, QuasiNormal.quantile(0.975), 1e-9);
    }

    /**
     * A generator that pushes N(0, I) exactly onto the ring of 8 Gaussians (the latent turned by half a radian, so
     * that the modes' pre-images are not aligned with the Sobol axes), scored like a run: exact W2 to a stratified
     * data set, over the floor of a stratified reference set. With independent latents its score carries the
     * multinomial imbalance of the modes, about twice the floor; with the Gaussian's evaluation set it is near the
     * floor, so that a ratio to the floor measures the generator.
     */
    @Test
    void aPerfectGeneratorScoresNearTheFloorOnlyWithQuasiRandomLatents() {
        Law ring = new GaussianMixtureLaw(Settings.rebased(Map.of(), ProblemsModule.GAUSSIAN_MIXTURE.settings(), Law.PREFIX, "data"));
        GaussianLaw source = gaussian(Map.of());
        int m = 1000;
        double quasi = 0;
        double independent = 0;
        for (int seed = 1; seed <= 3; seed++) {
            double[] data = ring.stratified(m, new SplittableRandom(seed)).points().ravel().toDoubleVector();
            double[] reference = ring.stratified(m, new SplittableRandom(100 + seed)).points().ravel().toDoubleVector();
            double floor = new EmpiricalTransport().w2(reference, data, 2);
            double[] evenly = perfectRing(source.stratified(m, new SplittableRandom(200 + seed)).points().ravel().ravel().toDoubleVector());
            double[] drawn = perfectRing(source.sample(m, new SplittableRandom(200 + seed)).points().ravel().ravel().toDoubleVector());
            double q = new EmpiricalTransport().w2(evenly, data, 2) / floor;
            double i = new EmpiricalTransport().w2(drawn, data, 2) / floor;
            System.out.printf("seed %d: quasi-random %.2fx, independent %.2fx the floor%n", seed, q, i);
            assertTrue(q < 1.35, "seed " + seed + ": quasi-random latents score " + q + "x the floor");
            quasi += q / 3;
            independent += i / 3;
        }
        assertTrue(independent > 1.5 * quasi, "independent latents " + independent + "x the floor on average, quasi-random " + quasi + "x");
    }

    /** The exact push-forward of N(0, I) onto the ring of 8 Gaussians (radius 1, std 0.1), on row-major pairs. */
    private static double[] perfectRing(double[] z) {
        double[] out = new double[z.length];
        double c = Math.cos(0.5);
        double s = Math.sin(0.5);
        for (int i = 0; i < z.length; i += 2) {
            double a = c * z[i] - s * z[i + 1];
            double b = s * z[i] + c * z[i + 1];
            double u = 8 * 0.5 * (1 + Erf.erf(a / Math.sqrt(2)));
            int k = Math.min((int) u, 7);
            double within = QuasiNormal.quantile(Math.min(Math.max(u - k, 1e-12), 1 - 1e-12));
            double angle = 2 * Math.PI * k / 8;
            out[i] = Math.cos(angle) + 0.1 * within;
            out[i + 1] = Math.sin(angle) + 0.1 * b;
        }
        return out;
    }

    private static double[] column(double[] rows, int dim, int j) {
        double[] out = new double[rows.length / dim];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[i * dim + j];
        }
        return out;
    }

    private static GaussianLaw gaussian(Map<String, String> values) {
        Plugin plugin = ProblemsModule.GAUSSIAN;
        return new GaussianLaw(Settings.rebased(values, plugin.settings(), Law.PREFIX, "source"));
    }
}
