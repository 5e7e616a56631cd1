package org.wasserflow.api.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;
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

    /**
     * The central finite difference, step 1e-6, of {@code f} in the entry {@code k} (linear, row-major) of the
     * contiguous array {@code values}, which is perturbed in place and restored. Use double precision.
     */
    public static double centralDifference(INDArray values, long k, DoubleSupplier f) {
        double h = 1e-6;
        double v = values.getDouble(k);
        values.putScalar(k, v + h);
        double up = f.getAsDouble();
        values.putScalar(k, v - h);
        double down = f.getAsDouble();
        values.putScalar(k, v);
        return (up - down) / (2 * h);
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
