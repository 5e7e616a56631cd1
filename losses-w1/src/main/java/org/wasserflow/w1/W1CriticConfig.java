package org.wasserflow.w1;

import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The Lipschitz penalty of the W1 critic (docs/math.md section 3), read from the {@code w1.*} keys ({@link #GROUP}).
 *
 * @param penalty the penalty {@code P} on {@code u = |grad f(xhat)| - 1}
 * @param lambda weight of the penalty
 */
public record W1CriticConfig(Penalty penalty, double lambda) {

    /** The penalty on the gradient norm's excess {@code u = |grad f| - 1}. */
    public enum Penalty {
        GP, LP;

        /** {@code P(u)}. */
        public double value(double u) {
            double v = this == GP ? u : Math.max(u, 0);
            return v * v;
        }

        /** {@code P'(u)}. */
        public double derivative(double u) {
            return 2 * (this == GP ? u : Math.max(u, 0));
        }
    }

    public static final Setting<String> PENALTY = Setting.choice("w1.penalty", "gp", "gp", "lp")
            .describe("gradient penalty: gp P(u) = u^2 (WGAN-GP, Gulrajani et al. 2017) or lp P(u) = max(u,0)^2 (Petzka et al. 2018)");
    public static final Setting<Double> LAMBDA = Setting.number("w1.lambda", 10).atLeast(0)
            .describe("weight of the gradient penalty");

    /** The {@code w1.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("w1", "W1 critic's Lipschitz penalty", PENALTY, LAMBDA);

    /** Reads the {@code w1.*} keys. */
    public static W1CriticConfig from(Settings s) {
        return new W1CriticConfig(s.get(PENALTY).equals("lp") ? Penalty.LP : Penalty.GP, s.get(LAMBDA));
    }
}
