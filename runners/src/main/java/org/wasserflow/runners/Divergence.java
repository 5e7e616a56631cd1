package org.wasserflow.runners;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.config.FlowConfig;

/**
 * Finds non-finite quantities in the iteration they appear, in the order they would propagate: the critic's
 * diagnostics and parameters, the generator's loss (built from the velocities), the generator's parameters.
 * Each finding names the quantity and the keys most likely at fault, with their configured values: the keys the
 * potential's descriptor blames ({@link org.wasserflow.api.Plugin#blame}; the loss's if it names none) for the
 * critic, the engine's {@code flow.eps} for the velocities, the generator's for its parameters.
 */
final class Divergence {

    private Divergence() {
    }

    /** What diverged in this iteration, as {@code <quantity> (<key>=<value>)}, or empty. */
    static Optional<String> check(Components c, Map<String, Double> diagnostics) {
        for (Map.Entry<String, Double> d : diagnostics.entrySet()) {
            if (!d.getKey().equals("generator_loss") && !Double.isFinite(d.getValue())) {
                return Optional.of("the critic's " + d.getKey() + " is not finite" + blame(c, potentialBlames(c)));
            }
        }
        if (!finite(c.trainer().potentialState())) {
            return Optional.of("the potential's parameters are not finite" + blame(c, potentialBlames(c)));
        }
        if (!Double.isFinite(diagnostics.getOrDefault("generator_loss", 0.0))) {
            return Optional.of("the velocities (the generator loss) are not finite" + blame(c, List.of(FlowConfig.EPS.key())));
        }
        if (!finite(c.generator().state())) {
            return Optional.of("generator parameters are not finite" + blame(c, c.plan().plugin("generator").blames()));
        }
        return Optional.empty();
    }

    private static boolean finite(Map<String, INDArray> state) {
        for (INDArray a : state.values()) {
            if (a.dataType().isFPType() && !Double.isFinite(a.sumNumber().doubleValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> potentialBlames(Components c) {
        List<String> keys = c.plan().plugin("potential").blames();
        return keys.isEmpty() ? c.plan().plugin("loss").blames() : keys;
    }

    /** {@code " (k1=v1, k2=v2)"} for the keys with a resolved value (as the estimator used it, for an {@code auto}), or empty. */
    private static String blame(Components c, List<String> keys) {
        Map<String, String> resolved = new HashMap<>(c.plan().resolved());
        resolved.putAll(c.trainer().potentialProvenance());
        String named = keys.stream().filter(resolved::containsKey).map(k -> k + "=" + resolved.get(k)).collect(Collectors.joining(", "));
        return named.isEmpty() ? "" : " (" + named + ")";
    }
}
