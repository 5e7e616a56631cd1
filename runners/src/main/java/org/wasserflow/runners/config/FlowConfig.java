package org.wasserflow.runners.config;

import java.util.List;
import java.util.Locale;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The forward-Euler flow of SPEC section 2, read from the {@code flow.*} keys.
 *
 * @param eps {@code flow.eps}: the step size in flow time, default 1
 * @param k {@code flow.K}: generator steps on each batch (K = 1 is W2GAN/WGAN), default 5
 * @param batch {@code flow.batch}: minibatch size m, default 512
 * @param update {@code flow.update}: how the generator follows the field, default {@code targets}
 */
public record FlowConfig(double eps, int k, int batch, Update update) {

    /** The generator update of one iteration. */
    public enum Update {
        /**
         * W2-FE / W1-FE: one integrator step moves the generated batch to targets {@code zeta}; K regression
         * steps fit the generator to them on the same source batch (persistent training).
         */
        TARGETS,
        /**
         * The GAN baselines: K steps on the generator loss {@code -mean f(G(z))} (WGAN) or
         * {@code mean phi(G(z))} (W2GAN), its gradient re-evaluated at the current outputs before each step,
         * on the same source batch. K = 1 is plain WGAN / W2GAN; K > 1 is the naive persistent GAN. The
         * integrator and {@code flow.eps} play no part.
         */
        GAN;

        /** The config spelling. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FlowConfig {
        ConfigException.require(eps > 0, "flow.eps", eps, "a number > 0");
        ConfigException.require(k >= 1, "flow.K", k, "an integer >= 1");
        ConfigException.require(batch >= 2, "flow.batch", batch, "an integer >= 2");
    }

    /** Reads and validates the {@code flow.*} keys. */
    public static FlowConfig from(Settings s) {
        String update = s.getChoice("flow.update", "targets", List.of("targets", "gan"));
        return new FlowConfig(s.getDouble("flow.eps", 1.0), s.getInt("flow.K", 5), s.getInt("flow.batch", 512),
                Update.valueOf(update.toUpperCase(Locale.ROOT)));
    }
}
