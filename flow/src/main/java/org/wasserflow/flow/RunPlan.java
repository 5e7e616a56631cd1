package org.wasserflow.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.config.ConfigValidator;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.flow.config.RunConfig;
import org.wasserflow.flow.plugin.PluginCatalogue;
import org.wasserflow.flow.plugin.PluginDirectory;
import org.wasserflow.flow.plugin.PluginSource;
import org.wasserflow.flow.problem.EvaluationConfig;

/**
 * A run's configuration checked against the declarations, before anything is constructed: the plugin
 * sources (class path and {@code plugins.dir}) are read, the selections must name registered plugins, every
 * configured key must be declared by the runner or by some registered plugin and every value must be valid
 * (selected plugins or not), and the capabilities the selected plugins declare must fit together
 * ({@link Capabilities}).
 *
 * @param values the configuration as given, key to text
 * @param run the run's own settings
 * @param flow the flow's settings
 * @param sources the plugin sources
 * @param catalogue every registered plugin
 * @param selected the selected plugin for each role: {@code source}, {@code data}, {@code eval_data} (the data
 *     law unless set), {@code loss}, {@code potential}, {@code generator}, {@code integrator}
 * @param metrics the selected metrics, in column order
 * @param commandGroups the settings of the command (e.g. the benchmark's)
 */
public record RunPlan(SortedMap<String, String> values, RunConfig run, FlowConfig flow, List<PluginSource> sources,
        PluginCatalogue catalogue, Map<String, PluginCatalogue.Entry> selected, List<PluginCatalogue.Entry> metrics,
        List<SettingGroup> commandGroups) {

    /** The runner's own setting groups. */
    public static final List<SettingGroup> RUNNER = List.of(RunConfig.SELECTIONS, RunConfig.RUN, RunConfig.PLUGINS, FlowConfig.GROUP,
            EvaluationConfig.GROUP);

    /** The kinds of plugin, in the order {@code help} lists them. */
    public static final List<PluginKind<?>> KINDS = List.of(PluginKind.LAW, PluginKind.METRIC, PluginKind.LOSS, PluginKind.POTENTIAL,
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
        Settings runner = Settings.of(sorted, RUNNER);
        String dir = runner.get(RunConfig.PLUGINS_DIR);
        List<PluginSource> sources = PluginDirectory.sources(plugins, dir.isEmpty() ? null : Path.of(dir));
        PluginCatalogue catalogue = PluginCatalogue.scan(sources);
        RunConfig run = RunConfig.from(runner);
        FlowConfig flow = FlowConfig.from(runner);
        Map<String, PluginCatalogue.Entry> selected = new LinkedHashMap<>();
        selected.put("source", catalogue.select(PluginKind.LAW, run.source(), null, "source"));
        selected.put("data", catalogue.select(PluginKind.LAW, run.data(), null, "data"));
        if (!run.evalData().isEmpty()) {
            selected.put("eval_data", catalogue.select(PluginKind.LAW, run.evalData(), null, "eval_data"));
        }
        selected.put("loss", catalogue.select(PluginKind.LOSS, run.loss(), null, "loss"));
        selected.put("potential", catalogue.select(PluginKind.POTENTIAL, run.potential(), run.loss(), "potential"));
        selected.put("generator", catalogue.select(PluginKind.GENERATOR, run.generator(), null, "generator"));
        selected.put("integrator", catalogue.select(PluginKind.INTEGRATOR, run.integrator(), null, "integrator"));
        List<PluginCatalogue.Entry> metrics = new ArrayList<>();
        for (String name : run.metrics()) {
            metrics.add(catalogue.select(PluginKind.METRIC, name, null, "metrics"));
        }
        List<SettingGroup> own = new ArrayList<>(RUNNER);
        own.addAll(commandGroups);
        ConfigValidator.check(sorted, catalogue.declarations(own),
                d -> d.owner() == null || d.owner().equals(selected.get(d.role())) || metrics.contains(d.owner()));
        RunPlan plan = new RunPlan(sorted, run, flow, sources, catalogue, Collections.unmodifiableMap(selected), List.copyOf(metrics),
                List.copyOf(commandGroups));
        Capabilities.check(plan);
        return plan;
    }

    /** The selected plugin for {@code role}. */
    public Plugin plugin(String role) {
        return selected.get(role).plugin();
    }

    /** The view of the configuration that a plugin filling {@code role} reads; a law reads its keys under the role's prefix. */
    public Settings view(String role, Plugin plugin) {
        return plugin.kind().equals(PluginKind.LAW) ? Settings.rebased(values, plugin.settings(), Law.PREFIX, role)
                : Settings.of(values, plugin.settings());
    }

    /** The view of the configuration for the runner's or a command's own groups. */
    public Settings view(List<SettingGroup> groups) {
        return Settings.of(values, groups);
    }

    /**
     * The configuration as the run uses it: every key of the runner, the command, the selected plugins (a law's
     * under its role) and the metrics, with its configured or default value, normalised ({@code 5e-4} becomes
     * {@code 5.0E-4}).
     */
    public SortedMap<String, String> resolved() {
        List<SettingGroup> groups = new ArrayList<>(RUNNER);
        groups.addAll(commandGroups);
        selected.forEach((role, e) -> e.plugin().settings().forEach(g ->
                groups.add(e.plugin().kind().equals(PluginKind.LAW) && g.prefix().equals(Law.PREFIX) ? g.rebase(role) : g)));
        metrics.forEach(e -> groups.addAll(e.plugin().settings()));
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
