package org.wasserflow.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.Pair;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.VelocityField;
import org.wasserflow.flow.checkpoint.StateMaps;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.flow.problem.Problem;

/**
 * One training iteration of the forward-Euler flow with persistent training (docs/math.md sections 2 and 3):
 * refine the potential on fresh pairs, move a fresh generated batch one integrator step along the
 * velocity, then take K generator steps towards the moved samples on the same source batch. With
 * {@code flow.update=gan} the generator instead takes the GAN baselines' steps (see
 * {@link FlowConfig.Update#GAN}). With a regression loss averaged over the {@code m x d} coordinates, one
 * targets step with learning rate {@code eta} and K = 1 equals one GAN step with learning rate
 * {@code 2 eps eta / d} (the papers' equivalence; tested).
 */
public final class FlowTrainer {

    private final FlowConfig flow;
    private final Problem problem;
    private final Generator generator;
    private final PotentialEstimator potential;
    private final Integrator integrator;

    public FlowTrainer(FlowConfig flow, Problem problem, Generator generator, PotentialEstimator potential,
            Integrator integrator) {
        this.flow = flow;
        this.problem = problem;
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
     * Everything a checkpoint saves to continue training exactly: the generator's state ({@code generator.*}),
     * the estimator's ({@code potential.*}) and the training streams' ({@code problem.*}).
     */
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        StateMaps.putPrefixed(out, "generator.", generator.state());
        StateMaps.putPrefixed(out, "potential.", potential.state());
        StateMaps.putPrefixed(out, "problem.", problem.state());
        return out;
    }

    /** Continues from what {@link #state} returned. */
    public void restore(Map<String, INDArray> state) {
        generator.restore(StateMaps.within(state, "generator."));
        potential.restore(StateMaps.within(state, "potential."));
        problem.restore(StateMaps.within(state, "problem."));
    }

    /** The estimator's state alone, to check that its parameters stay finite. */
    public Map<String, INDArray> potentialState() {
        return potential.state();
    }

    /** What the estimator records about itself for the run's provenance (e.g. a learning rate derived from {@code auto}). */
    public Map<String, String> potentialProvenance() {
        return potential.provenance();
    }

    /** The names of the diagnostics {@link #iterate} returns: {@code generator_loss}, then the estimator's. */
    public List<String> diagnostics() {
        List<String> out = new java.util.ArrayList<>(List.of("generator_loss"));
        out.addAll(potential.diagnostics());
        return out;
    }

    /**
     * Runs one iteration.
     *
     * @return diagnostics: the estimator's, plus {@code generator_loss}: with {@code flow.update=targets} the
     *     regression loss before the first of the K steps ({@code eps^2 / d} times the mean squared velocity);
     *     with {@code gan}, the mean squared velocity at the first step, {@code mean |v|^2}
     */
    public Map<String, Double> iterate() {
        int m = flow.batch();
        Map<String, Double> diagnostics = new LinkedHashMap<>(
                potential.fit(() -> new Pair(generator.generate(problem.source(m)), problem.data(m))));
        INDArray z = problem.source(m);
        INDArray x = problem.data(m);
        double first = flow.update() == FlowConfig.Update.TARGETS ? persistentTargets(z, x) : ganSteps(z, x);
        diagnostics.put("generator_loss", first);
        return diagnostics;
    }

    /** W2-FE / W1-FE: move the batch one integrator step, then K regression steps towards the moved batch. */
    private double persistentTargets(INDArray z, INDArray x) {
        INDArray zeta = integrator.step(generator.generate(z), flow.eps(), new LawField(potential, x));
        double first = generator.regress(z, zeta);
        for (int k = 1; k < flow.k(); k++) {
            generator.regress(z, zeta);
        }
        return first;
    }

    /** The GAN baselines: K steps along the output gradient {@code -v(G(z)) / m}, re-evaluated before each step. */
    private double ganSteps(INDArray z, INDArray x) {
        double first = Double.NaN;
        for (int k = 0; k < flow.k(); k++) {
            INDArray v = potential.velocity(generator.generate(z), x);
            if (k == 0) {
                first = v.mul(v).sumNumber().doubleValue() / v.rows();
            }
            generator.descend(z, v.divi(-v.rows()));
        }
        return first;
    }
}
