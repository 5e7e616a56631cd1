package org.wasserflow.api;

/**
 * A transport loss {@code J(mu) = T_c(mu, mu_d)} whose Wasserstein gradient flow wasserflow simulates.
 *
 * <p>The loss fixes the ground cost {@code c}; a {@link PotentialEstimator} turns the cost into a
 * velocity field. Implementations: {@code w2} (half squared Euclidean cost, W2-FE of Huang &amp; Malik,
 * arXiv 2406.13619) and {@code w1} (Euclidean cost, W1-FE of Malik &amp; Huang, arXiv 2405.16351).
 * Implementations are stateless and thread-safe.
 */
public interface Loss {

    /**
     * The ground cost {@code c(y, x)} between a generated point {@code y} and a data point {@code x}, for
     * cost-generic estimators. Only losses whose descriptor {@linkplain Plugin#provides provides}
     * {@link Capability#GROUND_COST} need implement it; the runner checks this before training.
     *
     * @throws UnsupportedOperationException if this loss has no ground cost
     */
    default GroundCost cost() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no ground cost");
    }
}
