package org.wasserflow.api;

import java.util.List;

/**
 * How much memory a plugin's instance will hold in a run, declared on its {@link Plugin} descriptor
 * ({@link Plugin#memory}) and evaluated before anything is constructed, so that a size that cannot fit stops the run
 * with one line naming the key to change rather than an allocation failure minutes later. Meant to be right
 * within a factor of 2: count the buffers that grow with the batch, the widths or the evaluation sets, not every
 * small object. A plugin with trainable parameters must declare one (the contract kit checks it).
 *
 * <p>The runner adds the plugin's parts to its own (the training batches and the evaluation sets, which the
 * plugin must not count again). The parts of one plugin are alive at once; of the metrics, only the largest
 * metric's parts count.
 */
@FunctionalInterface
public interface MemoryEstimator {

    /**
     * The plugin's parts for a run.
     *
     * @param settings the plugin's own view, as its instance would read it (only its declared groups)
     * @param shape the run's sizes
     * @return the parts, each naming the key that drives it; empty if its buffers are small
     */
    List<MemoryPart> parts(Settings settings, RunShape shape);
}
