package org.wasserflow.runners.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.Pair;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.VelocityField;
import org.wasserflow.runners.config.FlowConfig;
import org.wasserflow.runners.experiment.Experiment;

/**
 * One training iteration of the forward-Euler flow with persistent training (SPEC sections 2 and 3):
 * refine the potential on fresh pairs, move a fresh generated batch one integrator step along the
 * velocity, then take K generator steps towards the moved samples on the same source batch.
 */
public final class FlowTrainer {

    private final FlowConfig flow;
    private final Experiment experiment;
    private final Generator generator;
    private final PotentialEstimator potential;
    private final Integrator integrator;

    public FlowTrainer(FlowConfig flow, Experiment experiment, Generator generator, PotentialEstimator potential,
            Integrator integrator) {
        this.flow = flow;
        this.experiment = experiment;
        this.generator = generator;
        this.potential = potential;
        this.integrator = integrator;
    }

    /**
     * The velocity field handed to the integrator: its first evaluation is at the generated batch, whose law
     * the estimator was just fitted to; every later one (Heun's predicted points) is a new law, for which
     * the estimator first re-estimates ({@link PotentialEstimator#adapt}).
     */
    private static final class LawField implements VelocityField {
        private final PotentialEstimator potential;
        private final INDArray data;
        private boolean fitted = true;

        LawField(PotentialEstimator potential, INDArray data) {
            this.potential = potential;
            this.data = data;
        }

        @Override
        public INDArray at(INDArray points) {
            if (!fitted) {
                potential.adapt(points, data);
            }
            fitted = false;
            return potential.velocity(points, data);
        }
    }

    /**
     * Runs one iteration.
     *
     * @return diagnostics: the estimator's, plus {@code generator_loss}, the regression loss before the first
     *     of the K steps ({@code eps^2} times the mean squared velocity)
     */
    public Map<String, Double> iterate() {
        int m = flow.batch();
        Map<String, Double> diagnostics = new LinkedHashMap<>(
                potential.fit(() -> new Pair(generator.generate(experiment.source(m)), experiment.data(m))));
        INDArray z = experiment.source(m);
        INDArray y = generator.generate(z);
        INDArray x = experiment.data(m);
        INDArray zeta = integrator.step(y, flow.eps(), new LawField(potential, x));
        double first = generator.regress(z, zeta);
        for (int k = 1; k < flow.k(); k++) {
            generator.regress(z, zeta);
        }
        diagnostics.put("generator_loss", first);
        return diagnostics;
    }
}
