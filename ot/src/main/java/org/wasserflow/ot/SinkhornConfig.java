package org.wasserflow.ot;

import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The Sinkhorn potential, read from the {@code sinkhorn.*} keys ({@link #GROUP}).
 *
 * @param epsilon entropic regularisation in cost units
 * @param scaling epsilon-scaling factor
 * @param tolerance L1 marginal error at which to stop (unbalanced: mean relative change of the row scalings)
 * @param maxIterations iteration cap at the target epsilon
 * @param debias whether the Sinkhorn divergence's self term is subtracted
 * @param rho the KL penalty on the marginals in cost units (unbalanced OT), 0 for exact marginals
 * @param partner whether each point moves towards its most likely partner instead of the plan row's barycentre
 */
public record SinkhornConfig(double epsilon, double scaling, double tolerance, int maxIterations, boolean debias, double rho,
        boolean partner) {

    public static final Setting<Double> EPSILON = Setting.number("sinkhorn.epsilon", 0.01).positive()
            .describe("entropic regularisation, in units of the cost");
    public static final Setting<Double> SCALING = Setting.number("sinkhorn.scaling", 0.5).between(0, 1, true, true)
            .describe("epsilon-scaling factor: each stage multiplies epsilon by it until the target");
    public static final Setting<Double> TOLERANCE = Setting.number("sinkhorn.tolerance", 1e-4).positive()
            .describe("L1 marginal error at which the iterations stop (with sinkhorn.rho > 0: the mean relative change of the row scalings)");
    public static final Setting<Integer> MAX_ITERATIONS = Setting.integer("sinkhorn.max_iterations", 1000).atLeast(1)
            .describe("iteration cap at the target epsilon");
    public static final Setting<Boolean> DEBIAS = Setting.flag("sinkhorn.debias", false)
            .describe("use the Sinkhorn divergence: subtract the self term's velocity");
    public static final Setting<Double> RHO = Setting.number("sinkhorn.rho", 0.0).atLeast(0)
            .describe("KL penalty on both marginals, in units of the cost (unbalanced minibatch OT: points of a mode that one "
                    + "batch over-represents stay in it instead of crossing to a neighbour); 0 keeps the marginals exact; "
                    + "about half the cost between neighbouring modes is a starting point (the W2 cost is half the squared distance)");

    public static final Setting<String> VELOCITY = Setting.choice("sinkhorn.velocity", "barycentre", "barycentre", "partner")
            .describe("barycentre: towards the mean of the plan's row (the soft c-transform's gradient, which narrows tight "
                    + "modes by averaging within them); partner: towards the row's most likely data point, which keeps "
                    + "the data's spread");

    /** The {@code sinkhorn.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("sinkhorn", "Sinkhorn potential", EPSILON, SCALING, TOLERANCE,
            MAX_ITERATIONS, DEBIAS, RHO, VELOCITY);

    /** Reads the {@code sinkhorn.*} keys. */
    public static SinkhornConfig from(Settings s) {
        return new SinkhornConfig(s.get(EPSILON), s.get(SCALING), s.get(TOLERANCE), s.get(MAX_ITERATIONS), s.get(DEBIAS), s.get(RHO),
                s.get(VELOCITY).equals("partner"));
    }

    /** The solver options. */
    public Sinkhorn.Options options() {
        return new Sinkhorn.Options(epsilon, scaling, tolerance, maxIterations, rho);
    }
}
