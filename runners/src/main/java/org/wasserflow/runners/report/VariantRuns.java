package org.wasserflow.runners.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.wasserflow.runners.ablate.SweepConfig;

/**
 * One variant of a sweep with its reported (complete) runs.
 *
 * @param name the variant's directory name, e.g. {@code flow.K-5}
 * @param planned how many runs the plan has for it
 * @param seeds the reported runs' seeds, ascending
 * @param dirs their run directories, in the same order
 * @param tables their {@code metrics.csv}, in the same order
 */
record VariantRuns(String name, int planned, List<Long> seeds, List<Path> dirs, List<MetricsTable> tables) {

    /** The last value of {@code column} in each run that has it (NaN entries kept). */
    double[] finals(String column) {
        return tables.stream().filter(t -> t.has(column)).mapToDouble(t -> t.last(column)).toArray();
    }

    /** The training seconds to the first evaluation meeting {@code target} in each run that met it. */
    double[] reach(SweepConfig.Target target) {
        return tables.stream().mapToDouble(t -> reach(t, target)).filter(Double::isFinite).toArray();
    }

    /** Training seconds at the first evaluation of {@code t} meeting the target, or NaN. */
    static double reach(MetricsTable t, SweepConfig.Target target) {
        if (!t.has(target.metric()) || target.relativeTo() != null && !t.has(target.relativeTo())) {
            return Double.NaN;
        }
        double[] v = t.column(target.metric());
        double[] s = t.column("train_s");
        double[] ref = target.relativeTo() == null ? null : t.column(target.relativeTo());
        for (int i = 0; i < v.length; i++) {
            if (target.met(v[i], ref == null ? 1 : ref[i])) {
                return s[i];
            }
        }
        return Double.NaN;
    }

    /** The mean of the finite values, NaN for none. */
    static double mean(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
