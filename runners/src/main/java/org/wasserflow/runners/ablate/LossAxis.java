package org.wasserflow.runners.ablate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Setting;
import org.wasserflow.flow.RunPlan;

/**
 * Spots a grid axis over {@code loss} that runs every loss with one loss's tuned keys: the base configuration
 * (a loss-specific preset) sets keys that only the loss or potential plugins selected for some of the axis's
 * losses declare (e.g. {@code w2.lambda} from the W2 preset), so its step size, optimiser and critic settings
 * were most likely tuned for those losses and now apply to the others too. The way out is a named variant per
 * loss with its own preset ({@code ablate.variant.w1 = include=configs/ring-w1.properties}).
 */
final class LossAxis {

    private LossAxis() {
    }

    /** The one-line warning for {@code plan}, whose runs are checked as {@code plans}, or empty if there is none to give. */
    static Optional<String> warning(SweepPlan plan, List<RunPlan> plans) {
        List<String> losses = plan.axes().get("loss");
        if (losses == null || losses.size() < 2) {
            return Optional.empty();
        }
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        for (RunPlan p : plans) {
            Set<String> keys = declared.computeIfAbsent(p.run().loss(), l -> new LinkedHashSet<>());
            keys.addAll(keys(p.plugin("loss")));
            keys.addAll(keys(p.plugin("potential")));
        }
        Map<String, List<String>> tuned = new LinkedHashMap<>();
        declared.forEach((loss, keys) -> {
            List<String> own = plan.base().keySet().stream().filter(keys::contains)
                    .filter(k -> declared.values().stream().anyMatch(other -> !other.contains(k))).toList();
            if (!own.isEmpty()) {
                tuned.put(loss, own);
            }
        });
        if (tuned.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        tuned.forEach((loss, keys) -> parts.add(loss + " (" + String.join(", ", keys.subList(0, Math.min(4, keys.size())))
                + (keys.size() > 4 ? ", ..." : "") + ")"));
        String example = losses.get(0);
        return Optional.of("axis loss=" + String.join(",", losses) + " runs every loss on a base configuration tuned for "
                + String.join(" and ", parts) + ", and its step size, optimiser and critic settings with it; to compare losses "
                + "each with its own preset, use named variants instead: ablate.variants = " + String.join(", ", losses)
                + " with ablate.variant." + example + " = include=configs/<" + example + "-preset>.properties (docs/sweeps.md)");
    }

    private static Set<String> keys(Plugin plugin) {
        Set<String> out = new LinkedHashSet<>();
        plugin.settings().forEach(g -> g.settings().stream().map(Setting::key).forEach(out::add));
        return out;
    }
}
