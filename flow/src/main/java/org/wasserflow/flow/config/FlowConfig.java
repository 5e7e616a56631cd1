package org.wasserflow.flow.config;

import java.util.Locale;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The forward-Euler flow of docs/math.md section 2, read from the {@code flow.*} keys ({@link #GROUP}).
 *
 * @param eps the step size in flow time
 * @param k generator steps on each batch (K = 1 is W2GAN/WGAN)
 * @param batch minibatch size m
 * @param update how the generator follows the field
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

    public static final Setting<Double> EPS = Setting.number("flow.eps", 1.0).positive()
            .describe("the step size in flow time of each forward-Euler (or Heun) step");
    public static final Setting<Integer> K = Setting.integer("flow.K", 5).atLeast(1)
            .describe("generator steps on each batch (persistent training); K = 1 is W2GAN / WGAN");
    public static final Setting<Integer> BATCH = Setting.integer("flow.batch", 512).atLeast(2).describe("minibatch size m");
    public static final Setting<String> UPDATE = Setting.choice("flow.update", "targets", "targets", "gan")
            .describe("targets: the FE methods (integrator targets, then K regression steps); gan: K steps on the GAN generator loss");

    /** The {@code flow.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("flow", "the forward-Euler flow and persistent training", EPS, K, BATCH,
            UPDATE);

    /** Reads the {@code flow.*} keys. */
    public static FlowConfig from(Settings s) {
        return new FlowConfig(s.get(EPS), s.get(K), s.get(BATCH), Update.valueOf(s.get(UPDATE).toUpperCase(Locale.ROOT)));
    }
}
