package org.wasserflow.runners.flow;

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
import org.wasserflow.runners.plugin.EulerIntegrator;
import org.wasserflow.runners.plugin.HeunIntegrator;
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

    private static double w2(INDArray a, INDArray b) {
        return new EmpiricalTransport().w2(a.dup('c').data().asDouble(), b.dup('c').data().asDouble(), 2);
    }
}
