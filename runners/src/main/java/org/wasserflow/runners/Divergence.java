package org.wasserflow.runners;

import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.flow.Components;

/**
 * Finds non-finite quantities in the iteration they appear, in the order they would propagate: the critic's
 * diagnostics and parameters, the generator's loss (built from the velocities), the generator's parameters.
 * Each finding names the quantity and the key most likely at fault, with its configured value.
 */
final class Divergence {

    private Divergence() {
    }

    /** What diverged in this iteration, as {@code <quantity> (<key>=<value>)}, or empty. */
    static Optional<String> check(Components c, Map<String, Double> diagnostics) {
        for (Map.Entry<String, Double> d : diagnostics.entrySet()) {
            if (!d.getKey().equals("generator_loss") && !Double.isFinite(d.getValue())) {
                return Optional.of("the critic's " + d.getKey() + " is not finite" + blame(c, "critic.lr"));
            }
        }
        if (!finite(c.trainer().potentialState())) {
            return Optional.of("the potential's parameters are not finite" + blame(c, "critic.lr"));
        }
        if (!Double.isFinite(diagnostics.getOrDefault("generator_loss", 0.0))) {
            return Optional.of("the velocities (the generator loss) are not finite" + blame(c, "flow.eps"));
        }
        if (!finite(c.generator().state())) {
            return Optional.of("generator parameters are not finite" + blame(c, "generator.lr"));
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

    private static String blame(Components c, String key) {
        String value = c.plan().resolved().get(key);
        return value == null ? "" : " (" + key + "=" + value + ")";
    }
}
