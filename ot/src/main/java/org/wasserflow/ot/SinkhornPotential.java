package org.wasserflow.ot;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.GroundCost;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Settings;

/**
 * The entropic potential (docs/math.md section 4): log-domain {@link Sinkhorn} between the generated and data
 * batches for the loss's ground cost, then the velocity anywhere by the soft c-transform,
 * {@code v(y) = sum_j p_j(y) pull(y, x_j)} with {@code p_j(y) = softmax_j((g_j - c(y, x_j)) / eps)}; for W2,
 * {@code v(y) = sum_j p_j(y) x_j - y}; with {@code sinkhorn.velocity=partner}, {@code v(y) = pull(y, x_j*)} towards
 * the most likely partner {@code j* = argmax_j p_j(y)}, a data point, so that targets keep the data's spread where
 * the barycentre averages a tight mode towards its centre. With {@code sinkhorn.rho > 0} the plan is unbalanced
 * ({@link Sinkhorn}). With {@code sinkhorn.debias} the velocity is that of the Sinkhorn
 * divergence: the same field for the self problem {@code mu -> mu} is subtracted. Solves from scratch at
 * every call (no fitting, valid for Heun's predicted law). Each batch is converted to double once per call;
 * the cost matrices come from {@link CostMatrix}.
 */
public final class SinkhornPotential implements PotentialEstimator {

    /** The name this estimator is registered under, for every loss. */
    public static final String NAME = "sinkhorn";

    private final GroundCost cost;
    private final SinkhornConfig config;
    private final Sinkhorn solver = new Sinkhorn();

    @Inject
    public SinkhornPotential(Loss loss, Settings settings) {
        this.cost = loss.cost();
        this.config = SinkhornConfig.from(settings);
    }

    @Override
    public INDArray velocity(INDArray generated, INDArray data) {
        int d = generated.columns();
        if (data.columns() != d) {
            throw new IllegalArgumentException("sinkhorn needs batches of one dimension, got "
                    + Arrays.toString(generated.shape()) + " and " + Arrays.toString(data.shape()));
        }
        double[] y = Points.flat(generated);
        double[] x = Points.flat(data);
        double[][] yRows = split(y, d);
        double[] v = field(y, yRows, x, split(x, d), d);
        if (config.debias()) {
            double[] self = field(y, yRows, y, yRows, d);
            for (int k = 0; k < v.length; k++) {
                v[k] -= self[k];
            }
        }
        return Nd4j.create(v, new long[] {yRows.length, d}, 'c').castTo(generated.dataType());
    }

    /**
     * The soft c-transform velocity at the points {@code y} for the transport from {@code y} to {@code x}, given
     * each cloud both flat (for the cost matrix) and split into rows (for the pulls).
     */
    private double[] field(double[] yFlat, double[][] y, double[] xFlat, double[][] x, int d) {
        int n = y.length;
        int m = x.length;
        float[] c = CostMatrix.ofFloat(cost, yFlat, xFlat, d);
        Sinkhorn.Result r = solver.solve(c, n, m, config.options());
        float inv = (float) (1.0 / r.epsilon());
        double[] v = new double[n * d];
        float[] w = new float[m];
        double[] pull = new double[d];
        for (int i = 0; i < n; i++) {
            ScalingKernel.expRow(c, i * m, r.g(), inv, w, 0, m);
            if (config.partner()) {
                cost.pull(y[i], x[mostLikely(w)], pull);
                System.arraycopy(pull, 0, v, i * d, d);
                continue;
            }
            double total = ScalingKernel.sum(w, 0, m);
            for (int j = 0; j < m; j++) {
                if (w[j] > 0) {
                    cost.pull(y[i], x[j], pull);
                    for (int k = 0; k < d; k++) {
                        v[i * d + k] += w[j] / total * pull[k];
                    }
                }
            }
        }
        return v;
    }

    /** The first index of the largest weight. */
    private static int mostLikely(float[] w) {
        int best = 0;
        for (int j = 1; j < w.length; j++) {
            if (w[j] > w[best]) {
                best = j;
            }
        }
        return best;
    }

    private static double[][] split(double[] flat, int d) {
        double[][] out = new double[flat.length / d][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }

    /**
     * Its memory at batch m, on the heap: the float cost matrix, the kernel and its transpose ({@code 3 m^2} floats),
     * the scaling vectors, both batches as double rows ({@link Points#heapBytes}) and the velocity as doubles.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long m = shape.batch();
        int d = shape.dimension();
        return List.of(new MemoryPart("Sinkhorn's cost matrix and kernel", RunShape.BATCH,
                3 * 4 * m * m + 24 * m + 2 * Points.heapBytes(m, d) + 8 * m * d, 0, m * m));
    }
}
