package org.wasserflow.runners.flow;

import java.util.List;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.runners.config.FlowConfig;
import org.wasserflow.runners.config.RunConfig;
import org.wasserflow.runners.experiment.Experiment;
import org.wasserflow.runners.plugin.CoreModule;
import org.wasserflow.runners.plugin.PluginRegistry;

/**
 * The constructed components of a checked {@link RunPlan}: each selected plugin gets only its own
 * settings. The one capability that depends on a constructed component (the experiment's evaluation size
 * against a generator that needs one batch size) is checked here, still before training.
 *
 * @param plan the checked configuration
 * @param experiment the benchmark
 * @param loss the transport loss
 * @param trainer the training loop over the selected components
 * @param generator the generator being trained
 */
public record Components(RunPlan plan, Experiment experiment, Loss loss, FlowTrainer trainer, Generator generator) {

    /** Checks {@code values} ({@link RunPlan#of}), then constructs the selected plugins. */
    public static Components build(java.util.Map<String, String> values, ClassLoader plugins, List<SettingGroup> commandGroups) {
        return build(RunPlan.of(values, plugins, commandGroups));
    }

    /** Constructs the selected plugins of a checked plan. */
    public static Components build(RunPlan plan) {
        PluginRegistry registry = PluginRegistry.wire(plan.sources(), new Seed(plan.run().seed()));
        Experiment experiment = create(registry, plan, CoreModule.EXPERIMENT, null);
        Loss loss = create(registry, plan, PluginKind.LOSS, null);
        PotentialEstimator potential = create(registry, plan, PluginKind.POTENTIAL, loss);
        Generator generator = create(registry, plan, PluginKind.GENERATOR, null);
        Integrator integrator = create(registry, plan, PluginKind.INTEGRATOR, null);
        Capabilities.fixedBatch(plan.plugin(PluginKind.GENERATOR), plan.flow().batch(), experiment.evaluationBatch());
        return new Components(plan, experiment, loss, new FlowTrainer(plan.flow(), experiment, generator, potential, integrator), generator);
    }

    private static <T> T create(PluginRegistry registry, RunPlan plan, PluginKind<T> kind, Loss loss) {
        return registry.create(kind, plan.plugin(kind), plan.view(plan.plugin(kind).settings()), loss);
    }

    /** The run's own settings. */
    public RunConfig run() {
        return plan.run();
    }

    /** The flow's settings. */
    public FlowConfig flow() {
        return plan.flow();
    }
}
