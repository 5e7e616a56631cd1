package org.wasserflow.runners.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.runners.config.ConfigValidator;
import org.wasserflow.runners.config.FlowConfig;
import org.wasserflow.runners.config.RunConfig;
import org.wasserflow.runners.plugin.CoreModule;
import org.wasserflow.runners.plugin.PluginCatalogue;
import org.wasserflow.runners.plugin.PluginDirectory;
import org.wasserflow.runners.plugin.PluginSource;

/**
 * A run's configuration checked against the declarations, before anything is constructed: the plugin
 * sources (class path and {@code plugins.dir}) are read, every configured key must be declared by the runner
 * or by some registered plugin and every value must be valid (selected plugins or not), the selections must
 * name registered plugins, and the capabilities they declare must fit together ({@link Capabilities}).
 *
 * @param values the configuration as given, key to text
 * @param run the run's own settings
 * @param flow the flow's settings
 * @param sources the plugin sources
 * @param catalogue every registered plugin
 * @param selected the selected plugin of each kind
 * @param commandGroups the settings of the command (e.g. the benchmark's)
 */
public record RunPlan(SortedMap<String, String> values, RunConfig run, FlowConfig flow, List<PluginSource> sources,
        PluginCatalogue catalogue, Map<PluginKind<?>, PluginCatalogue.Entry> selected, List<SettingGroup> commandGroups) {

    /** The runner's own setting groups. */
    public static final List<SettingGroup> RUNNER = List.of(RunConfig.SELECTIONS, RunConfig.RUN, RunConfig.PLUGINS, FlowConfig.GROUP);

    /** The kinds a run selects, in the order they are constructed. */
    public static final List<PluginKind<?>> KINDS = List.of(CoreModule.EXPERIMENT, PluginKind.LOSS, PluginKind.POTENTIAL,
            PluginKind.GENERATOR, PluginKind.INTEGRATOR);

    /**
     * Checks {@code values}; nothing is constructed.
     *
     * @param plugins the class loader whose class path holds the built-in plugins
     * @param commandGroups settings the command reads besides the run's
     * @throws org.wasserflow.api.ConfigException for the first problem, in one line
     */
    public static RunPlan of(Map<String, String> values, ClassLoader plugins, List<SettingGroup> commandGroups) {
        SortedMap<String, String> sorted = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        Settings pluginsDir = Settings.of(sorted, List.of(RunConfig.PLUGINS));
        String dir = pluginsDir.get(RunConfig.PLUGINS_DIR);
        List<PluginSource> sources = PluginDirectory.sources(plugins, dir.isEmpty() ? null : Path.of(dir));
        PluginCatalogue catalogue = PluginCatalogue.scan(sources);
        List<SettingGroup> own = new ArrayList<>(RUNNER);
        own.addAll(commandGroups);
        ConfigValidator.check(sorted, catalogue.declared(own));
        Settings runner = Settings.of(sorted, RUNNER);
        RunConfig run = RunConfig.from(runner);
        FlowConfig flow = FlowConfig.from(runner);
        Map<PluginKind<?>, PluginCatalogue.Entry> selected = new java.util.LinkedHashMap<>();
        selected.put(CoreModule.EXPERIMENT, catalogue.select(CoreModule.EXPERIMENT, run.experiment(), null));
        selected.put(PluginKind.LOSS, catalogue.select(PluginKind.LOSS, run.loss(), null));
        selected.put(PluginKind.POTENTIAL, catalogue.select(PluginKind.POTENTIAL, run.potential(), run.loss()));
        selected.put(PluginKind.GENERATOR, catalogue.select(PluginKind.GENERATOR, run.generator(), null));
        selected.put(PluginKind.INTEGRATOR, catalogue.select(PluginKind.INTEGRATOR, run.integrator(), null));
        RunPlan plan = new RunPlan(sorted, run, flow, sources, catalogue, Collections.unmodifiableMap(selected), List.copyOf(commandGroups));
        Capabilities.check(plan.plugin(PluginKind.LOSS), plan.plugin(PluginKind.POTENTIAL), plan.plugin(PluginKind.GENERATOR), flow);
        return plan;
    }

    /** The selected plugin of {@code kind}. */
    public Plugin plugin(PluginKind<?> kind) {
        return selected.get(kind).plugin();
    }

    /** The view of the configuration that a selected plugin (or the command, for its groups) reads. */
    public Settings view(List<SettingGroup> groups) {
        return Settings.of(values, groups);
    }

    /**
     * The configuration as the run uses it: every key of the runner, the command and the selected plugins,
     * with its configured or default value, normalised ({@code 5e-4} becomes {@code 5.0E-4}).
     */
    public SortedMap<String, String> resolved() {
        List<SettingGroup> groups = new ArrayList<>(RUNNER);
        groups.addAll(commandGroups);
        selected.values().forEach(e -> groups.addAll(e.plugin().settings()));
        SortedMap<String, String> out = new TreeMap<>();
        for (SettingGroup g : groups) {
            for (Setting<?> s : g.settings()) {
                out.put(s.key(), s.resolve(values.get(s.key())));
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** The jars and folders loaded from {@code plugins.dir} (empty without one). */
    public List<String> pluginJars() {
        return sources.stream().skip(1).map(PluginSource::origin).toList();
    }
}
