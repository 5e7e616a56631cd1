package org.example.affine;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Plugin;

/**
 * Registers {@code generator=affine}: it has parameters, so it provides gradient steps ({@code flow.update=gan}
 * works with it), declares its memory, and names its step size as the key to blame if it diverges.
 */
public final class AffineModule extends AbstractModule {

    /** The generator's descriptor. */
    public static final Plugin AFFINE = Plugin.generator("affine", AffineGenerator.class,
            "affine map G(z) = z A + b, plain gradient steps")
            .settings(AffineGenerator.GROUP).provides(Capability.DESCEND)
            .memory(AffineGenerator::memory).blame(AffineGenerator.LR);

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Plugin.class).addBinding().toInstance(AFFINE);
    }
}
