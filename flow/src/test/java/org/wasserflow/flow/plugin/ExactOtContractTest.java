package org.wasserflow.flow.plugin;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.PotentialEstimatorContract;
import org.wasserflow.ot.EmpiricalTransport;
import org.wasserflow.ot.ExactOtPotential;
import org.wasserflow.ot.Points;
import org.wasserflow.w2.W2Loss;
import org.wasserflow.ot.OtModule;

/**
 * The exact-OT potential (W2 cost) against the SPI's contract kit: its velocity is {@code -m} times the
 * gradient of the optimal assignment cost {@code (1 / 2m) sum_i |y_i - x_sigma(i)|^2} (the envelope theorem).
 */
class ExactOtContractTest extends PotentialEstimatorContract {

    @Override
    protected Plugin plugin() {
        return OtModule.EXACT_OT;
    }

    @Override
    protected PotentialEstimator create(Settings settings) {
        return new ExactOtPotential(new W2Loss());
    }

    @Override
    protected Optional<ToDoubleFunction<INDArray>> objective(PotentialEstimator estimator, INDArray x) {
        return Optional.of(y -> new EmpiricalTransport().assign(Points.flat(y), Points.flat(x), (int) y.columns(), 2).meanCost() / 2);
    }
}
