package org.wasserflow.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Integrator;
import org.wasserflow.generators.ParticleGenerator;
import org.wasserflow.ot.EmpiricalTransport;
import org.wasserflow.ot.ExactOtPotential;
import org.wasserflow.ot.Points;
import org.wasserflow.flow.integrators.EulerIntegrator;
import org.wasserflow.flow.integrators.HeunIntegrator;
import org.wasserflow.w2.W2Loss;

/** Particle mode with the exact OT potential: the discrete W2 flow contracts W2 by exactly (1 - eps). */
class ParticleFlowTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.5})
    void eulerStepContractsW2ByOneMinusEps(double eps) {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(21);
        int n = 300;
        INDArray data = Nd4j.randn(rng, n, 2).castTo(DataType.DOUBLE).muli(0.3).addi(1);
        INDArray source = Nd4j.randn(rng, n, 2).castTo(DataType.DOUBLE).muli(0.5);
        Generator particles = new ParticleGenerator();
        ExactOtPotential potential = new ExactOtPotential(new W2Loss());
        Integrator euler = new EulerIntegrator();
        double before = w2(particles.generate(source), data);
        for (int step = 0; step < 5; step++) {
            INDArray y = particles.generate(source);
            INDArray zeta = euler.step(y, eps, p -> potential.velocity(p, data));
            particles.regress(source, zeta);
            double after = w2(particles.generate(source), data);
            assertEquals((1 - eps) * before, after, 1e-5 * before, "step " + step);
            before = after;
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5})
    void heunWithExactOtMatchesTheExactFlowToSecondOrder(double eps) {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(4);
        int n = 200;
        INDArray data = Nd4j.randn(rng, n, 2).castTo(DataType.DOUBLE).addi(2);
        INDArray y = Nd4j.randn(rng, n, 2).castTo(DataType.DOUBLE);
        ExactOtPotential potential = new ExactOtPotential(new W2Loss());
        double w0 = w2(y, data);
        INDArray heun = new HeunIntegrator().step(y, eps, p -> potential.velocity(p, data));
        INDArray euler = new EulerIntegrator().step(y, eps, p -> potential.velocity(p, data));
        double exact = Math.exp(-eps) * w0;
        double heunError = Math.abs(w2(heun, data) - exact);
        double eulerError = Math.abs(w2(euler, data) - exact);
        assertEquals((1 - eps + eps * eps / 2) * w0, w2(heun, data), 1e-6 * w0, "Heun's factor on the exact discrete flow");
        assertTrue(heunError < eulerError, "Heun " + heunError + " vs Euler " + eulerError);
    }

    /**
     * Particles from N(m1, S1) flowing to N(m2, S2) data with exact OT: the discrete flow follows McCann's
     * interpolant between the Gaussians, whose law is known in closed form (Gaussian OT map
     * {@code A = S1^-1/2 (S1^1/2 S2 S1^1/2)^1/2 S1^-1/2}).
     */
    @org.junit.jupiter.api.Test
    void gaussianToGaussianFlowFollowsTheClosedForm() {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(99);
        int n = 600;
        double[][] s1 = {{1.0, 0.3}, {0.3, 0.4}};
        double[][] s2 = {{0.5, -0.2}, {-0.2, 0.3}};
        double[] m1 = {0, 0};
        double[] m2 = {3, 1};
        INDArray p0 = gaussian(rng, n, m1, s1);
        INDArray data = gaussian(rng, n, m2, s2);
        double closed = Math.sqrt(sq(m1[0] - m2[0]) + sq(m1[1] - m2[1]) + trace(s1) + trace(s2)
                - 2 * trace(sqrtm(mul(mul(sqrtm(s2), s1), sqrtm(s2)))));
        assertEquals(closed, w2(p0, data), 0.03 * closed, "empirical W2 of the samples against the closed form");

        Generator particles = new ParticleGenerator();
        ExactOtPotential potential = new ExactOtPotential(new W2Loss());
        double eps = 0.5;
        particles.generate(p0);
        for (int k = 0; k < 3; k++) {
            INDArray y = particles.generate(p0);
            particles.regress(p0, new EulerIntegrator().step(y, eps, p -> potential.velocity(p, data)));
        }
        double s = 1 - Math.pow(1 - eps, 3);
        INDArray pt = particles.generate(p0);
        assertEquals((1 - s) * closed, w2(pt, data), 0.03 * closed * (1 - s), "W2 along the flow: (1 - s) W2(mu_0, mu_d)");
        INDArray expectedMean = p0.mean(0).muli(1 - s).addi(data.mean(0).muli(s));
        assertEquals(0.0, pt.mean(0).sub(expectedMean).amaxNumber().doubleValue(), 1e-9, "means interpolate exactly");
        double[][] a = mul(mul(inv(sqrtm(s1)), sqrtm(mul(mul(sqrtm(s1), s2), sqrtm(s1)))), inv(sqrtm(s1)));
        double[][] b = {{(1 - s) + s * a[0][0], s * a[0][1]}, {s * a[1][0], (1 - s) + s * a[1][1]}};
        double[][] expectedCov = mul(mul(b, s1), new double[][] {{b[0][0], b[1][0]}, {b[0][1], b[1][1]}});
        double[][] cov = cov(pt);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expectedCov[i][j], cov[i][j], 0.1 * trace(expectedCov) / 2, "covariance " + i + j);
            }
        }
    }

    private static INDArray gaussian(Random rng, int n, double[] mean, double[][] cov) {
        double[][] l = {{Math.sqrt(cov[0][0]), 0}, {cov[1][0] / Math.sqrt(cov[0][0]), 0}};
        l[1][1] = Math.sqrt(cov[1][1] - l[1][0] * l[1][0]);
        INDArray z = Nd4j.randn(rng, n, 2).castTo(DataType.DOUBLE);
        INDArray out = Nd4j.create(DataType.DOUBLE, n, 2);
        for (int i = 0; i < n; i++) {
            double a = z.getDouble(i, 0);
            double b = z.getDouble(i, 1);
            out.putScalar(i, 0, mean[0] + l[0][0] * a);
            out.putScalar(i, 1, mean[1] + l[1][0] * a + l[1][1] * b);
        }
        return out;
    }

    private static double[][] cov(INDArray p) {
        INDArray c = p.sub(p.mean(0));
        INDArray m = c.transpose().mmul(c).divi(p.rows());
        return new double[][] {{m.getDouble(0, 0), m.getDouble(0, 1)}, {m.getDouble(1, 0), m.getDouble(1, 1)}};
    }

    /** The square root of a 2 x 2 symmetric positive definite matrix. */
    private static double[][] sqrtm(double[][] m) {
        double root = Math.sqrt(m[0][0] * m[1][1] - m[0][1] * m[1][0]);
        double t = Math.sqrt(m[0][0] + m[1][1] + 2 * root);
        return new double[][] {{(m[0][0] + root) / t, m[0][1] / t}, {m[1][0] / t, (m[1][1] + root) / t}};
    }

    private static double[][] inv(double[][] m) {
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    }

    private static double[][] mul(double[][] a, double[][] b) {
        return new double[][] {
            {a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]},
            {a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]}};
    }

    private static double trace(double[][] m) {
        return m[0][0] + m[1][1];
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double w2(INDArray a, INDArray b) {
        return new EmpiricalTransport().w2(Points.flat(a), Points.flat(b), 2);
    }
}
