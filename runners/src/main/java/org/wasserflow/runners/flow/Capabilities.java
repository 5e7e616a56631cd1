package org.wasserflow.runners.flow;

import org.wasserflow.api.Capability;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Plugin;
import org.wasserflow.runners.config.FlowConfig;

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

    /**
     * A generator that requires {@link Capability#FIXED_BATCH} is given training batches of {@code flow.batch}
     * and evaluation batches of the experiment's size: they must be equal.
     */
    public static void fixedBatch(Plugin generator, int batch, int evaluationBatch) {
        if (generator.requires().contains(Capability.FIXED_BATCH) && batch != evaluationBatch) {
            throw new ConfigException("flow.batch", batch, evaluationBatch + ", the experiment's evaluation size: generator '"
                    + generator.name() + "' requires " + Capability.FIXED_BATCH.meaning());
        }
    }
}
