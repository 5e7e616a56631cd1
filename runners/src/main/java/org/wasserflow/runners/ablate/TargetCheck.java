package org.wasserflow.runners.ablate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasserflow.api.ConfigException;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.runners.report.SweepReport;

/**
 * Checks, before any run starts, that {@code ablate.target} names metric columns that the sweep's runs log. A
 * metric's columns are known only from an evaluation (the {@code modes} metric logs {@code hq_fraction} and
 * {@code modes_covered}), so the components of one run for each distinct choice of laws, metrics, loss and
 * potential are built and evaluated once, untrained, on their evaluation sets; the valid columns are those
 * metrics' columns and the potential's diagnostics, as in {@code metrics.csv}, less the bookkeeping and loss
 * columns the report leaves out ({@link SweepReport#NOT_METRICS}).
 */
final class TargetCheck {

    /** The resolved keys that decide which columns a run logs. */
    private static final List<String> COLUMN_KEYS = List.of("source", "data", "eval_data", "metrics", "loss", "potential");

    private TargetCheck() {
    }

    /**
     * Fails in one line naming {@code ablate.target} (or {@code ablate.rank}), the unknown column and the valid
     * ones, unless every column the target names and the rank column (if set) is logged by at least one of {@code plans}.
     */
    static void check(SweepConfig.Target target, String rank, List<RunPlan> plans) {
        Set<String> valid = columns(plans);
        if (!rank.isEmpty() && !valid.contains(rank)) {
            throw new ConfigException(SweepConfig.RANK.key(), SweepConfig.RANK.key() + " = " + rank
                    + ": no metric column '" + rank + "' in this sweep's runs; valid: " + valid);
        }
        List<String> named = new ArrayList<>(List.of(target.metric()));
        if (target.relativeTo() != null) {
            named.add(target.relativeTo());
        }
        for (String column : named) {
            if (!valid.contains(column)) {
                throw new ConfigException(SweepConfig.TARGET_SETTING.key(), SweepConfig.TARGET_SETTING.key() + " = " + target
                        + ": no metric column '" + column + "' in this sweep's runs; valid: " + valid);
            }
        }
    }

    /** The metric and diagnostic columns the runs of {@code plans} log, in the order of first appearance. */
    static Set<String> columns(List<RunPlan> plans) {
        Map<List<String>, RunPlan> distinct = new LinkedHashMap<>();
        for (RunPlan p : plans) {
            List<String> key = COLUMN_KEYS.stream().map(k -> String.valueOf(p.resolved().get(k))).toList();
            distinct.putIfAbsent(key, p);
        }
        Set<String> out = new LinkedHashSet<>();
        for (RunPlan p : distinct.values()) {
            Components c = Components.build(p);
            out.addAll(c.problem().evaluate(c.generator()).keySet());
            out.addAll(c.trainer().diagnostics());
        }
        out.removeAll(SweepReport.NOT_METRICS);
        return out;
    }
}
