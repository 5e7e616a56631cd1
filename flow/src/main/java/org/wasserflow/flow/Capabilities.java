package org.wasserflow.flow;

import org.wasserflow.api.Capability;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Plugin;
import java.util.List;
import org.wasserflow.api.Metric;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.flow.problem.Problem;

/**
 * The rules by which declared {@link Capability capabilities} must fit together, checked before training. Each
 * failure is one line naming the key to change.
 */
public final class Capabilities {

    private Capabilities() {
    }

    /**
     * The rules that the descriptors and the flow settings decide: a ground cost for estimators that need
     * one, gradient steps for {@code flow.update=gan}, equal batches for estimators that need them (the
     * trainer draws generated and data batches of {@code flow.batch} each).
     */
    public static void check(Plugin loss, Plugin potential, Plugin generator, FlowConfig flow) {
        if (potential.requires().contains(Capability.GROUND_COST) && !loss.provides().contains(Capability.GROUND_COST)) {
            throw new ConfigException("potential", potential.name(), "an estimator that needs no ground cost: potential '"
                    + potential.name() + "' requires " + Capability.GROUND_COST.meaning() + ", which loss '" + loss.name() + "' does not provide");
        }
        if (flow.update() == FlowConfig.Update.GAN && !generator.provides().contains(Capability.DESCEND)) {
            throw new ConfigException("flow.update", "gan", "targets: generator '" + generator.name() + "' provides no "
                    + Capability.DESCEND.meaning());
        }
        equalBatches(potential, flow.batch(), flow.batch());
    }

    /** An estimator that requires {@link Capability#EQUAL_BATCHES} is fed generated and data batches of one size. */
    public static void equalBatches(Plugin potential, int generated, int data) {
        if (potential.requires().contains(Capability.EQUAL_BATCHES) && generated != data) {
            throw new ConfigException("flow.batch", generated + " generated and " + data + " data", "equal sizes: potential '"
                    + potential.name() + "' requires " + Capability.EQUAL_BATCHES.meaning());
        }
    }

    /** The generator maps R^d to R^d: the source and the evaluation data must have the data's dimension. */
    public static void dimensions(Problem.Laws laws) {
        int d = laws.data().dimension();
        if (laws.source().dimension() != d) {
            throw new ConfigException("source", laws.source().name(), "a law of dimension " + d + " like data '" + laws.data().name()
                    + "' (the generator maps R^d to R^d), but it has dimension " + laws.source().dimension());
        }
        if (laws.evalData().dimension() != d) {
            throw new ConfigException("eval_data", laws.evalData().name(), "a law of dimension " + d + " like data '" + laws.data().name()
                    + "', but it has dimension " + laws.evalData().dimension());
        }
    }

    /** Every metric's needs must be met by the laws and the evaluation sizes ({@code [source, data]}). */
    public static void needs(List<Metric> metrics, Problem.Laws laws, int[] sizes) {
        for (Metric m : metrics) {
            for (Metric.Need need : m.needs()) {
                String missing = switch (need) {
                    case SOURCE_LABELS -> laws.source().labelled() ? null : "labels on the source, but source '" + laws.source().name()
                            + "' is unlabelled";
                    case DATA_LABELS -> laws.evalData().labelled() ? null : "labels on the evaluation data, but '" + laws.evalData().name()
                            + "' is unlabelled";
                    case MIXTURE -> laws.data().mixture().isPresent() ? null : "a Gaussian mixture as data, but data '" + laws.data().name()
                            + "' is not one";
                    case MODES -> laws.data().mixture().isPresent() || laws.evalData().labelled() ? null : "modes: a Gaussian mixture as data "
                            + "or labelled evaluation data, but '" + laws.evalData().name() + "' is neither";
                    case EQUAL_SIZES -> sizes[0] == sizes[1] ? null : "evaluation sets of equal size, but eval.source_size gives "
                            + sizes[0] + " points and eval.data_size " + sizes[1];
                };
                if (missing != null) {
                    throw new ConfigException("metrics", m.name(), "metrics whose needs the problem meets: '" + m.name() + "' needs " + missing);
                }
            }
        }
    }

    /**
     * A generator that requires {@link Capability#FIXED_BATCH} is given training batches of {@code flow.batch}
     * and evaluation batches of {@code eval.source_size}: they must be equal.
     */
    public static void fixedBatch(Plugin generator, int batch, int evaluationBatch) {
        if (generator.requires().contains(Capability.FIXED_BATCH) && batch != evaluationBatch) {
            throw new ConfigException("flow.batch", batch, evaluationBatch + ", the evaluation size (eval.source_size): generator '"
                    + generator.name() + "' requires " + Capability.FIXED_BATCH.meaning());
        }
    }
}
