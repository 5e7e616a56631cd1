package org.wasserflow.flow.integrators;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.VelocityField;

/**
 * Heun's predictor-corrector for a distribution-dependent field (docs/math.md section 5):
 * {@code ytilde = y + eps * v_mu(y)}, then {@code zeta = y + eps / 2 * (v_mu(y) + v_mutilde(ytilde))}, where
 * the field re-estimates the potential for the law of {@code ytilde}. Second order in eps.
 */
public final class HeunIntegrator implements Integrator {

    /** The name this integrator is registered under. */
    public static final String NAME = "heun";

    @Override
    public INDArray step(INDArray samples, double eps, VelocityField field) {
        INDArray v = field.at(samples);
        INDArray predicted = v.mul(eps).addi(samples);
        INDArray corrected = field.at(predicted);
        return v.addi(corrected).muli(eps / 2).addi(samples);
    }
}
