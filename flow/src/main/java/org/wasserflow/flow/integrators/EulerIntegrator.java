package org.wasserflow.flow.integrators;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Integrator;
import org.wasserflow.api.VelocityField;

/** Forward Euler: {@code zeta = y + eps * v_mu(y)} (docs/math.md section 5). */
public final class EulerIntegrator implements Integrator {

    /** The name this integrator is registered under. */
    public static final String NAME = "euler";

    @Override
    public INDArray step(INDArray samples, double eps, VelocityField field) {
        return field.at(samples).muli(eps).addi(samples);
    }
}
