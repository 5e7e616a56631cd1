package org.wasserflow.w2;

import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The penalised W2 dual objective of docs/math.md section 2, read from the {@code w2.*} keys ({@link #GROUP}).
 *
 * @param penalty the hinge penalty {@code R}
 * @param lambda weight of the hinge penalty
 * @param interpolants whether random interpolants are penalised too
 * @param equality whether the equality terms on {@code (y, T y)} and {@code (S x, x)} are added
 * @param lambdaEq weight of the equality terms
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

    public static final Setting<String> PENALTY = Setting.choice("w2.penalty", "squared", "squared", "linear")
            .describe("hinge penalty R(u): squared max(u,0)^2 (Seguy et al. 2018) or linear max(u,0) (the W2 paper's Algorithm 1)");
    public static final Setting<Double> LAMBDA = Setting.number("w2.lambda", 200).atLeast(0)
            .describe("weight of the hinge penalty on phi(y) + psi(x) - c(y, x)");
    public static final Setting<Boolean> INTERPOLANTS = Setting.flag("w2.interpolants", true)
            .describe("also penalise random interpolants of the pair");
    public static final Setting<Boolean> EQUALITY = Setting.flag("w2.equality", true)
            .describe("add the equality terms on (y, T y) and (S x, x) (double backpropagation)");
    public static final Setting<Double> LAMBDA_EQ = Setting.number("w2.lambda_eq", 1.0).atLeast(0)
            .describe("weight of the equality terms");

    /** The {@code w2.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("w2", "penalised W2 dual objective", PENALTY, LAMBDA, INTERPOLANTS,
            EQUALITY, LAMBDA_EQ);

    /** Reads the {@code w2.*} keys. */
    public static W2DualConfig from(Settings s) {
        return new W2DualConfig(s.get(PENALTY).equals("linear") ? Penalty.LINEAR : Penalty.SQUARED, s.get(LAMBDA),
                s.get(INTERPOLANTS), s.get(EQUALITY), s.get(LAMBDA_EQ));
    }
}
