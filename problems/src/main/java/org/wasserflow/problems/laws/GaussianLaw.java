package org.wasserflow.problems.laws;

import java.util.random.RandomGenerator;
import com.google.inject.Inject;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The isotropic Gaussian {@code N(0, std^2 I)} on R^dim, e.g. a generator's source law. Its evaluation sets
 * ({@link #stratified}) are randomised quasi-Monte Carlo points ({@link QuasiNormal}) up to
 * {@value QuasiNormal#MAX_DIMENSION} dimensions, independent draws above.
 */
public final class GaussianLaw implements Law {

    /** The name this law is registered under. */
    public static final String NAME = "gaussian";

    public static final Setting<Integer> DIM = Setting.integer("law.dim", 2).atLeast(1).describe("dimension");
    public static final Setting<Double> STD = Setting.number("law.std", 1.0).positive().describe("per-coordinate standard deviation");
    /** Its keys, under the role's prefix ({@code source.std}). */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "isotropic Gaussian", DIM, STD);

    private final int dim;
    private final double std;

    @Inject
    public GaussianLaw(Settings settings) {
        this.dim = settings.get(DIM);
        this.std = settings.get(STD);
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public Sample sample(int m, RandomGenerator rng) {
        double[] out = new double[m * dim];
        for (int i = 0; i < out.length; i++) {
            out[i] = std * Draws.normal(rng);
        }
        return Sample.of(Draws.rows(out, m, dim));
    }

    /**
     * {@code m} points spread evenly over the law (randomised Sobol points through the normal quantile), so that
     * the share a generator sends to each mode of a mixture errs far less than with independent draws, and a
     * perfect generator scores near a stratified floor; independent draws above {@value QuasiNormal#MAX_DIMENSION}
     * dimensions.
     */
    @Override
    public Sample stratified(int m, RandomGenerator rng) {
        if (dim > QuasiNormal.MAX_DIMENSION) {
            return sample(m, rng);
        }
        double[] out = QuasiNormal.standard(m, dim, rng);
        for (int i = 0; i < out.length; i++) {
            out[i] *= std;
        }
        return Sample.of(Draws.rows(out, m, dim));
    }
}
