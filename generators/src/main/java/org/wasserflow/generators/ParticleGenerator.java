package org.wasserflow.generators;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Generator;

/**
 * Particle mode (docs/math.md section 4): no network; a fixed set of particles, initialised from the first source
 * batch it is given, is itself the generated law, and "regression" moves the particles onto their targets
 * exactly. With exact OT and Euler step eps on a fixed data batch this gives the exact discrete flow,
 * {@code W2(mu_{n+1}, mu_d) = (1 - eps) W2(mu_n, mu_d)}. Every batch, evaluation included, must have as
 * many rows as there are particles.
 */
public final class ParticleGenerator implements Generator {

    /** The name this generator is registered under. */
    public static final String NAME = "particles";

    private INDArray particles;

    /** The current particles (a copy); the source only fixes them on the first call. */
    @Override
    public INDArray generate(INDArray source) {
        return ensure(source).dup();
    }

    /**
     * The particles, as {@link #generate}: the generated law is the particle set, not a map of the source, so
     * there is no image of a single point; the source only gives the row count (the particles' number) and, on
     * the first call of either method, the particles themselves.
     */
    @Override
    public INDArray infer(INDArray source) {
        return generate(source);
    }

    /** Moves every particle onto its target; returns the mean squared move per coordinate. */
    @Override
    public double regress(INDArray source, INDArray target) {
        INDArray p = ensure(source);
        if (!java.util.Arrays.equals(p.shape(), target.shape())) {
            throw new IllegalArgumentException("targets " + java.util.Arrays.toString(target.shape()) + " do not match the "
                    + java.util.Arrays.toString(p.shape()) + " particles");
        }
        INDArray move = target.sub(p);
        double loss = move.mul(move).meanNumber().doubleValue();
        p.assign(target);
        return loss;
    }

    /** The particles ({@code particles}), once fixed by the first source batch. */
    @Override
    public Map<String, INDArray> state() {
        return particles == null ? Map.of() : Map.of("particles", particles.dup());
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        INDArray saved = state.get("particles");
        if (saved == null && !state.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint holds no particles, but " + state.keySet());
        }
        particles = saved == null ? null : saved.dup();
    }

    private INDArray ensure(INDArray source) {
        if (particles == null) {
            particles = source.dup();
        } else if (source.rows() != particles.rows()) {
            throw new IllegalArgumentException("particle mode moves " + particles.rows() + " particles but a batch of "
                    + source.rows() + " was asked for: make every batch size, evaluation included, equal");
        }
        return particles;
    }
}
