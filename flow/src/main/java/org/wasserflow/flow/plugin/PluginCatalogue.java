package org.wasserflow.flow.plugin;

import com.google.inject.Binding;
import com.google.inject.Stage;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InstanceBinding;
import com.google.inject.spi.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.SettingGroup;

/**
 * Every {@link Plugin} descriptor that the plugin sources register, read from their Guice modules' bindings
 * without creating an injector or constructing any plugin, with the source each came from. A name
 * registered twice for the same kind (and loss) and a module that cannot be read each fail naming the source.
 */
public final class PluginCatalogue {

    /**
     * A registered plugin and where it came from.
     *
     * @param plugin the descriptor
     * @param origin {@code the class path} or the plugin jar's path
     */
    public record Entry(Plugin plugin, String origin) { }

    private final List<Entry> entries;

    private PluginCatalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads the descriptors of every source. */
    public static PluginCatalogue scan(List<PluginSource> sources) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (PluginSource source : sources) {
            for (Element e : Elements.getElements(Stage.TOOL, source.modules())) {
                if (e instanceof Message m) {
                    throw new ConfigException("plugins.dir", "reading the Guice modules of " + source.origin() + " failed: " + m.getMessage());
                }
                if (e instanceof InstanceBinding<?> b && b.getInstance() instanceof Plugin p) {
                    String previous = owners.putIfAbsent(p.label(), source.origin());
                    if (previous != null) {
                        throw new ConfigException("plugins.dir", "plugin " + source.origin() + " registers " + p.label() + ", which "
                                + previous + " already registers; rename one of them");
                    }
                    entries.add(new Entry(p, source.origin()));
                } else if (e instanceof Binding<?> b && Plugin.class.equals(b.getKey().getTypeLiteral().getRawType())
                        && !(e instanceof InstanceBinding<?>)) {
                    throw new ConfigException("plugins.dir", "plugin " + source.origin() + " binds a Plugin descriptor other than with"
                            + " toInstance(...), so it cannot be read without constructing it: " + b.getSource());
                }
            }
        }
        return new PluginCatalogue(entries);
    }

    /** Every registered plugin, in registration order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The plugins of one kind. */
    public List<Entry> of(PluginKind<?> kind) {
        return entries.stream().filter(e -> e.plugin().kind().equals(kind)).toList();
    }

    /**
     * The plugin of {@code kind} named {@code name} for the selected loss: one registered for that loss wins
     * over a generic one.
     *
     * @param loss the selected loss, or null for kinds that do not depend on it
     * @param key the configuration key that selects it, for the message
     * @throws ConfigException naming the key, the name and the valid names
     */
    public Entry select(PluginKind<?> kind, String name, String loss, String key) {
        Optional<Entry> scoped = of(kind).stream().filter(e -> e.plugin().name().equals(name)
                && e.plugin().loss().isPresent() && e.plugin().loss().get().equals(loss)).findFirst();
        Optional<Entry> generic = of(kind).stream().filter(e -> e.plugin().name().equals(name) && e.plugin().loss().isEmpty()).findFirst();
        return scoped.or(() -> generic).orElseThrow(() -> new ConfigException(key, name, "one of " + names(kind, loss)));
    }

    /** The names selectable for {@code kind} with the selected loss. */
    public TreeSet<String> names(PluginKind<?> kind, String loss) {
        TreeSet<String> out = new TreeSet<>();
        of(kind).stream().map(Entry::plugin).filter(p -> p.loss().isEmpty() || p.loss().get().equals(loss)).forEach(p -> out.add(p.name()));
        return out;
    }

    /** The roles a law can fill, each the prefix of its keys there. */
    public static final List<String> LAW_ROLES = List.of("source", "data", "eval_data");

    /**
     * Every declaration by configured key: the runner's {@code groups} and every plugin's, selected or not; a
     * law's keys under each of {@link #LAW_ROLES}.
     */
    public Map<String, List<Declaration>> declarations(List<SettingGroup> groups) {
        Map<String, List<Declaration>> out = new LinkedHashMap<>();
        groups.forEach(g -> g.settings().forEach(s -> add(out, new Declaration(s, null, ""))));
        for (Entry e : entries) {
            boolean law = e.plugin().kind().equals(PluginKind.LAW);
            for (String role : law ? LAW_ROLES : List.of(e.plugin().kind().key())) {
                for (SettingGroup g : e.plugin().settings()) {
                    SettingGroup configured = law && g.prefix().equals(Law.PREFIX) ? g.rebase(role) : g;
                    configured.settings().forEach(s -> add(out, new Declaration(s, e, role)));
                }
            }
        }
        return out;
    }

    private static void add(Map<String, List<Declaration>> out, Declaration d) {
        out.computeIfAbsent(d.setting().key(), k -> new ArrayList<>()).add(d);
    }
}
