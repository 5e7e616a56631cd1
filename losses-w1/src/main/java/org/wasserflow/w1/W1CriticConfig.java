package org.wasserflow.w1;

import java.util.List;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The Lipschitz penalty of the W1 critic (SPEC section 3), read from the {@code w1.*} keys.
 *
 * @param penalty {@code w1.penalty}: {@code gp} ({@code P(u) = u^2}, WGAN-GP, Gulrajani et al. 2017, default)
 *     or {@code lp} ({@code P(u) = max(u, 0)^2}, Petzka et al. 2018), applied to {@code u = |grad f(xhat)| - 1}
 * @param lambda {@code w1.lambda}: weight of the penalty, default 10
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

    public W1CriticConfig {
        ConfigException.require(lambda >= 0, "w1.lambda", lambda, "a number >= 0");
    }

    /** Reads and validates the {@code w1.*} keys. */
    public static W1CriticConfig from(Settings s) {
        String p = s.getChoice("w1.penalty", "gp", List.of("gp", "lp"));
        return new W1CriticConfig(p.equals("lp") ? Penalty.LP : Penalty.GP, s.getDouble("w1.lambda", 10));
    }
}
