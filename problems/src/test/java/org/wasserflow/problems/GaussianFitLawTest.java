package org.wasserflow.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasserflow.problems.TestLaws.refused;
import static org.wasserflow.problems.TestLaws.with;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Seed;
import org.wasserflow.problems.laws.GaussianFitLaw;
import org.wasserflow.problems.laws.IdxLaw;

/** {@code gaussian-fit}: the data's moments plus the ridge, reproduced by its samples; refusals; image side. */
class GaussianFitLawTest {

    /** {@code N(mu, A A^T)} in 3-D with a full covariance. */
    private static final double[] MU = {1, -2, 0.5};
    private static final double[][] A = {{1, 0, 0}, {0.6, 0.8, 0}, {-0.3, 0.2, 0.5}};

    private static final Law KNOWN = new Law() {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public Sample sample(int m, RandomGenerator rng) {
            double[] out = new double[m * 3];
            for (int i = 0; i < m; i++) {
                double[] z = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
                for (int r = 0; r < 3; r++) {
                    out[i * 3 + r] = MU[r] + A[r][0] * z[0] + A[r][1] * z[1] + A[r][2] * z[2];
                }
            }
            return Sample.of(Nd4j.create(out, new long[] {m, 3}, 'c').castTo(DataType.FLOAT));
        }
    };

    private static GaussianFitLaw fit(Law data, String... keyValues) {
        return new GaussianFitLaw(TestLaws.settings(ProblemsModule.GAUSSIAN_FIT, keyValues), data, new Seed(7));
    }

    private static double[][] covariance(INDArray x) {
        INDArray c = x.subRowVector(x.mean(0).reshape(1, x.columns()));
        return c.transpose().mmul(c).divi(x.rows()).toDoubleMatrix();
    }

    @Test
    void samplesHaveTheDataMomentsPlusTheRidge() {
        GaussianFitLaw law = fit(KNOWN, "data.fit_rows", "100000", "data.ridge", "0.1");
        INDArray x = law.sample(100_000, new SplittableRandom(3)).points().castTo(DataType.DOUBLE);
        INDArray mean = x.mean(0);
        double[][] cov = covariance(x);
        for (int r = 0; r < 3; r++) {
            assertEquals(MU[r], mean.getDouble(r), 0.02, "mean " + r);
            for (int c = 0; c < 3; c++) {
                double sigma = A[r][0] * A[c][0] + A[r][1] * A[c][1] + A[r][2] * A[c][2] + (r == c ? 0.1 : 0);
                assertEquals(sigma, cov[r][c], 0.03, "covariance " + r + "," + c);
            }
        }
        assertEquals(1 + 1 + 0.38, Double.parseDouble(law.provenance().get("law.fit_trace")), 0.03, "trace of A A^T");
        assertEquals("100000", law.provenance().get("law.fit_rows"));
    }

    @Test
    void aFiniteLawIsFittedExactlyOnEveryRow() {
        Law images = new IdxLaw(TestLaws.settings(ProblemsModule.IDX, "data.images", DigitFileLawsTest.IMAGES.toString()));
        GaussianFitLaw law = fit(images);
        INDArray rows = images.rows(java.util.stream.IntStream.range(0, 300).toArray()).points().castTo(DataType.DOUBLE);
        double trace = 0;
        double[][] cov = covariance(rows);
        for (int k = 0; k < 784; k++) {
            trace += cov[k][k];
        }
        assertEquals(trace, Double.parseDouble(law.provenance().get("law.fit_trace")), 1e-4 * trace);
        assertEquals("300", law.provenance().get("law.fit_rows"));
        assertEquals(784, law.dimension());
        assertEquals(28, law.imageSide().getAsInt(), "fitted to images, it draws images of their side");
        assertEquals(law.provenance().get("law.fit_sha256"), fit(images).provenance().get("law.fit_sha256"), "one fit per data");
        assertEquals(law.sample(5, new SplittableRandom(1)).points(), law.sample(5, new SplittableRandom(1)).points(), "seeded");
    }

    @Test
    void aRankDeficientCovarianceWithoutRidgeIsRefusedWithTheKey() {
        Law images = new IdxLaw(TestLaws.settings(ProblemsModule.IDX, "data.images", DigitFileLawsTest.IMAGES.toString()));
        refused(s -> new GaussianFitLaw(s, images, new Seed(7)), ProblemsModule.GAUSSIAN_FIT, "data.ridge", with("data.ridge", "0"),
                "a ridge > 0", "constant");
        assertTrue(fit(KNOWN, "data.ridge", "0", "data.fit_rows", "2000").dimension() == 3, "a full-rank covariance needs no ridge");
    }
}
