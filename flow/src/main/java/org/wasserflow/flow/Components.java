package org.wasserflow.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.Law;
import org.wasserflow.api.Loss;
import org.wasserflow.api.Metric;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Seed;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.flow.config.RunConfig;
import org.wasserflow.flow.plugin.PluginCatalogue;
import org.wasserflow.flow.plugin.PluginRegistry;
import org.wasserflow.flow.problem.EvaluationConfig;
import org.wasserflow.flow.problem.Problem;

/**
 * The constructed components of a checked {@link RunPlan}: each selected plugin gets only its own settings.
 * The laws are constructed first (a data file is read and checked then), and what depends on them is checked
 * before the rest is built and before training: the dimensions of the laws, what the metrics require of them,
 * the evaluation size against a generator that needs one batch size ({@link Capabilities}), and the memory the
 * selected plugins and the runner report for the run's shape ({@link Memory}).
 *
 * @param plan the checked configuration
 * @param problem the laws, training streams, evaluation sets and metrics
 * @param loss the transport loss
 * @param potential the potential estimator the trainer fits and asks for velocities (shared with it, not a copy)
 * @param trainer the training loop over the selected components
 * @param generator the generator being trained
 */
public record Components(RunPlan plan, Problem problem, Loss loss, PotentialEstimator potential, FlowTrainer trainer,
        Generator generator) {

    /** Checks {@code values} ({@link RunPlan#of}), then constructs the selected plugins. */
    public static Components build(Map<String, String> values, ClassLoader plugins, List<SettingGroup> commandGroups) {
        return build(RunPlan.of(values, plugins, commandGroups));
    }

    /** Constructs the selected plugins of a checked plan. */
    public static Components build(RunPlan plan) {
        PluginRegistry registry = PluginRegistry.wire(plan.sources(), new Seed(plan.run().seed()));
        Law data = create(registry, plan, "data", PluginKind.LAW, null);
        Law source = registry.create(PluginKind.LAW, plan.plugin("source"), plan.view("source", plan.plugin("source")), null, data, null);
        Law evalData = plan.selected().containsKey("eval_data") ? create(registry, plan, "eval_data", PluginKind.LAW, null) : data;
        Problem.Laws laws = new Problem.Laws(source, data, evalData);
        RunShape shape = Memory.shape(plan, laws);
        Capabilities.check(plan, laws, shape);
        Memory.check(plan, shape);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (PluginCatalogue.Entry e : plan.metrics()) {
            metrics.put(e.plugin().name(), registry.create(PluginKind.METRIC, e.plugin(), plan.view("metrics", e.plugin()), null, null, shape));
        }
        Problem problem = new Problem(laws, metrics, EvaluationConfig.from(plan.view(List.of(EvaluationConfig.GROUP))),
                new Seed(plan.run().seed()));
        Loss loss = create(registry, plan, "loss", PluginKind.LOSS, null);
        PotentialEstimator potential = create(registry, plan, "potential", PluginKind.POTENTIAL, loss);
        Generator generator = create(registry, plan, "generator", PluginKind.GENERATOR, null);
        Integrator integrator = create(registry, plan, "integrator", PluginKind.INTEGRATOR, null);
        return new Components(plan, problem, loss, potential, new FlowTrainer(plan.flow(), problem, generator, potential, integrator),
                generator);
    }

    private static <T> T create(PluginRegistry registry, RunPlan plan, String role, PluginKind<T> kind, Loss loss) {
        return registry.create(kind, plan.plugin(role), plan.view(role, plan.plugin(role)), loss);
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
