package org.wasserflow.api;

/**
 * A ground cost {@code c(y, x)} on R^d, with the direction in which it pulls {@code y} towards {@code x}.
 * Implementations are stateless and thread-safe; arrays are read, never modified, except {@code out}.
 */
public interface GroundCost {

    /** {@code c(y, x)} for two points of the same dimension. */
    double cost(double[] y, double[] x);

    /**
     * Writes {@code -grad_y c(y, x)} into {@code out}: the velocity of a sample at {@code y} whose
     * transport partner is {@code x} (docs/math.md section 4). For the W2 cost this is {@code x - y}.
     */
    void pull(double[] y, double[] x, double[] out);
}
