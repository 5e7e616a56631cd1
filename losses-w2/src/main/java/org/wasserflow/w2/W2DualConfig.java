package org.wasserflow.w2;

import java.util.List;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Settings;

/**
 * The penalised W2 dual objective of SPEC section 2, read from the {@code w2.*} keys.
 *
 * @param penalty {@code w2.penalty}: {@code squared} ({@code max(u,0)^2}, Seguy et al. 2018, default) or
 *     {@code linear} ({@code max(u,0)}, the W2 paper's Algorithm 1)
 * @param lambda {@code w2.lambda}: weight of the hinge penalty, default 200
 * @param interpolants {@code w2.interpolants}: also penalise random interpolants, default true
 * @param equality {@code w2.equality}: add the equality terms on {@code (y, T y)} and {@code (S x, x)},
 *     default true
 * @param lambdaEq {@code w2.lambda_eq}: weight of the equality terms, default 1
 */
public record W2DualConfig(Penalty penalty, double lambda, boolean interpolants, boolean equality, double lambdaEq) {

    /** The penalty {@code R(u)} on the dual constraint violation {@code u = phi(y) + psi(x) - c(y, x)}. */
    public enum Penalty {
        LINEAR, SQUARED;

        /** {@code R(u)}. */
        public double value(double u) {
            return u <= 0 ? 0 : this == LINEAR ? u : u * u;
        }

        /** {@code R'(u)}. */
        public double derivative(double u) {
            return u <= 0 ? 0 : this == LINEAR ? 1 : 2 * u;
        }
    }

    public W2DualConfig {
        ConfigException.require(lambda >= 0, "w2.lambda", lambda, "a number >= 0");
        ConfigException.require(lambdaEq >= 0, "w2.lambda_eq", lambdaEq, "a number >= 0");
    }

    /** Reads and validates the {@code w2.*} keys. */
    public static W2DualConfig from(Settings s) {
        String p = s.getChoice("w2.penalty", "squared", List.of("squared", "linear"));
        return new W2DualConfig(p.equals("linear") ? Penalty.LINEAR : Penalty.SQUARED, s.getDouble("w2.lambda", 200),
                s.getBoolean("w2.interpolants", true), s.getBoolean("w2.equality", true), s.getDouble("w2.lambda_eq", 1.0));
    }
}
