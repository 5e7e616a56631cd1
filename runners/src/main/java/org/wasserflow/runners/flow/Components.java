package org.wasserflow.runners.flow;

import org.wasserflow.api.Generator;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.runners.config.FlowConfig;
import org.wasserflow.runners.config.RunConfig;
import org.wasserflow.runners.config.TrackingSettings;
import org.wasserflow.runners.experiment.Experiment;
import org.wasserflow.runners.plugin.PluginDirectory;
import org.wasserflow.runners.plugin.PluginRegistry;
import org.wasserflow.runners.plugin.PluginSource;

/**
 * Everything a run needs, built from the settings and validated before any training: plugins come from the
 * class path and from the directory {@code plugins.dir} (default none; see {@link PluginDirectory}), the
 * selections resolve to registered plugins, every component's config record validates, and every configured key is
 * read by some component.
 *
 * @param run the run's own settings
 * @param flow the flow's settings
 * @param experiment the benchmark
 * @param loss the transport loss
 * @param trainer the training loop over the selected components
 * @param generator the generator being trained
 * @param pluginJars the jars and folders loaded from {@code plugins.dir} (empty without one)
 */
public record Components(RunConfig run, FlowConfig flow, Experiment experiment, Loss loss, FlowTrainer trainer,
        Generator generator, java.util.List<String> pluginJars) {

    /**
     * Builds and validates the components; {@code extraKeys} lets a command read its own keys (e.g. the
     * benchmark's) before the unknown-key check. Keys that only unselected plugins read are logged and
     * ignored; keys no registered component reads fail.
     */
    public static Components build(TrackingSettings settings, ClassLoader plugins, java.util.function.Consumer<TrackingSettings> extraKeys) {
        RunConfig run = RunConfig.from(settings);
        FlowConfig flow = FlowConfig.from(settings);
        String dir = settings.getString("plugins.dir", "");
        java.util.List<PluginSource> sources = PluginDirectory.sources(plugins, dir.isEmpty() ? null : java.nio.file.Path.of(dir));
        PluginRegistry registry = PluginRegistry.discover(sources, settings, new Seed(run.seed()));
        Experiment experiment = registry.experiment(run.experiment());
        Loss loss = registry.loss(run.loss());
        PotentialEstimator potential = registry.potential(run.loss(), run.potential());
        Generator generator = registry.generator(run.generator());
        Integrator integrator = registry.integrator(run.integrator());
        extraKeys.accept(settings);
        java.util.Set<String> otherPlugins = java.util.Set.of();
        if (!settings.unread().isEmpty()) {
            TrackingSettings probe = settings.copy();
            PluginRegistry.discover(sources, probe, new Seed(run.seed())).instantiateAll();
            otherPlugins = probe.read();
        }
        java.util.SortedSet<String> ignored = settings.checkAllKeysUsed(run.selection(), otherPlugins);
        if (!ignored.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(Components.class).info("keys of unselected plugins, not used by this run: {}", ignored);
        }
        return new Components(run, flow, experiment, loss, new FlowTrainer(flow, experiment, generator, potential, integrator),
                generator, sources.stream().skip(1).map(PluginSource::origin).toList());
    }
}
