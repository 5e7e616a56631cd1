package org.wasserflow.api.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.wasserflow.api.Settings;

/** Helpers shared by the contract tests. */
public final class Contracts {

    private Contracts() {
    }

    /** Lower-case letters, digits and inner dashes: the form of every registered name. */
    public static boolean isLogicalName(String name) {
        return name != null && name.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    /** Settings backed by a map; absent keys take the component's defaults. */
    public static Settings settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    /** A standard Gaussian vector. */
    static double[] gaussian(Random rnd, int d) {
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = rnd.nextGaussian();
        }
        return v;
    }
}
