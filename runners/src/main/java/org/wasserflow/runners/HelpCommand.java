package org.wasserflow.runners;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.runners.ablate.SlurmConfig;
import org.wasserflow.runners.ablate.SweepConfig;
import org.wasserflow.flow.config.RunConfig;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.flow.plugin.PluginCatalogue;
import org.wasserflow.flow.plugin.PluginDirectory;

/**
 * The {@code help} command, from the declarations alone (nothing is constructed): {@code help} lists the
 * commands and the registered plugins by kind with where each comes from; {@code help <kind> <name>} prints a
 * plugin's keys with type, default, valid values and description; {@code help run}, {@code help bench} and
 * {@code help ablate} print the keys of the runner and of those commands. {@code plugins.dir=DIR} adds the
 * plugins of a directory.
 */
final class HelpCommand {

    private final List<String> topic;
    private final PluginCatalogue catalogue;

    /**
     * @param topic the words after {@code help}
     * @param values {@code key=value} arguments; only {@code plugins.dir} is read
     */
    HelpCommand(List<String> topic, Map<String, String> values, ClassLoader plugins) {
        this.topic = List.copyOf(topic);
        String dir = Settings.of(values, List.of(RunConfig.PLUGINS)).get(RunConfig.PLUGINS_DIR);
        this.catalogue = PluginCatalogue.scan(PluginDirectory.sources(plugins, dir.isEmpty() ? null : Path.of(dir)));
    }

    void print(PrintStream out, String usage) {
        if (topic.isEmpty()) {
            out.println(usage);
            out.println();
            out.println("plugins (wasserflow help <kind> <name> lists a plugin's keys):");
            for (var kind : RunPlan.KINDS) {
                out.println("  " + kind.key() + ":");
                for (PluginCatalogue.Entry e : catalogue.of(kind)) {
                    Plugin p = e.plugin();
                    out.printf(Locale.ROOT, "    %-22s %s [%s]%n", p.name() + p.loss().map(l -> " (loss " + l + ")").orElse(""),
                            p.description(), e.origin());
                }
            }
            out.println("the runner's own keys: wasserflow help run; the commands': wasserflow help bench, ablate, sample, transport or evaluate");
            return;
        }
        switch (topic.get(0)) {
            case "run" -> groups(out, RunPlan.RUNNER);
            case "bench" -> groups(out, List.of(BenchCommand.GROUP));
            case "ablate" -> groups(out, List.of(SweepConfig.GROUP, SlurmConfig.GROUP));
            case "sample" -> groups(out, List.of(SampleCommand.GROUP));
            case "transport" -> groups(out, List.of(TransportCommand.GROUP));
            case "evaluate" -> groups(out, List.of(EvaluateCommand.GROUP));
            default -> plugin(out);
        }
    }

    private void plugin(PrintStream out) {
        var kind = RunPlan.KINDS.stream().filter(k -> k.key().equals(topic.get(0))).findFirst().orElseThrow(() -> new ConfigException(
                "help", topic.get(0), "one of " + RunPlan.KINDS.stream().map(k -> k.key()).collect(Collectors.toList()) + ", run, bench, ablate, sample, transport or evaluate"));
        if (topic.size() < 2) {
            throw new ConfigException("help", String.join(" ", topic), "help " + kind.key() + " <name>, one of "
                    + catalogue.of(kind).stream().map(e -> e.plugin().name()).distinct().sorted().toList());
        }
        List<PluginCatalogue.Entry> matches = catalogue.of(kind).stream().filter(e -> e.plugin().name().equals(topic.get(1))).toList();
        if (matches.isEmpty()) {
            throw new ConfigException(kind.key(), topic.get(1), "one of " + catalogue.of(kind).stream().map(e -> e.plugin().name())
                    .distinct().sorted().toList());
        }
        for (PluginCatalogue.Entry e : matches) {
            Plugin p = e.plugin();
            out.println(p.label() + ": " + p.description());
            out.println("  from: " + e.origin() + " (" + p.implementation().getName() + ")");
            if (!p.provides().isEmpty()) {
                out.println("  provides: " + p.provides().stream().map(c -> c.meaning()).sorted().collect(Collectors.joining("; ")));
            }
            if (!p.requires().isEmpty()) {
                out.println("  requires: " + p.requires().stream().map(c -> c.meaning()).sorted().collect(Collectors.joining("; ")));
            }
            if (p.settings().isEmpty()) {
                out.println("  no settings");
            } else if (p.kind().equals(PluginKind.LAW)) {
                out.println("  keys under the role it fills: source.*, data.* or eval_data.* (law.std is data.std with data=" + p.name() + ")");
            }
            groups(out, p.settings());
        }
    }

    private static void groups(PrintStream out, List<SettingGroup> groups) {
        for (SettingGroup g : groups) {
            out.println("  " + g.title() + ":");
            List<String[]> rows = new ArrayList<>();
            for (Setting<?> s : g.settings()) {
                rows.add(new String[] {s.key(), s.type(), s.formatDefault().isEmpty() ? "(empty)" : s.formatDefault(), s.valid(), s.description()});
            }
            int[] width = new int[4];
            for (String[] r : rows) {
                for (int k = 0; k < width.length; k++) {
                    width[k] = Math.max(width[k], r[k].length());
                }
            }
            for (String[] r : rows) {
                out.printf(Locale.ROOT, "    %-" + width[0] + "s  %-" + width[1] + "s  default %-" + width[2] + "s  %-" + width[3] + "s  %s%n",
                        (Object[]) r);
            }
        }
    }
}
