package org.wasserflow.plugins.sliced;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.SeededStream;
import org.wasserflow.api.Settings;

/**
 * The sliced W2 velocity: for L random unit directions theta (fresh at every evaluation, or drawn once with
 * {@code sliced.redraw=once}; from the run's seed),
 * the 1-D optimal transport between the projections is the sorted (quantile) matching q_theta, and
 *
 * <pre>
 *   v(y_i) = (d / L) sum_theta (q_theta(theta . y_i) - theta . y_i) theta,
 * </pre>
 *
 * which is {@code -m} times the gradient in {@code y_i} of {@code J = (d / 2Lm) sum_theta sum_i (theta . y_i -
 * q_theta(i))^2}, the sliced W2 loss on these directions. The factor d ({@code E theta theta^T = I / d})
 * makes the field exact for translations. Batches may differ in size: y's i-th smallest projection is matched
 * to x's quantile at {@code (i + 1/2) / m}. Not thread-safe (one stream of directions).
 */
public final class SlicedPotential implements PotentialEstimator {

    /** The name this estimator is registered under, scoped to the sliced-w2 loss. */
    public static final String NAME = "sliced";

    private final SlicedConfig config;
    private final SeededStream random;
    private double[][] directions;

    @Inject
    public SlicedPotential(Settings settings, Seed seed) {
        this.config = SlicedConfig.from(settings);
        this.random = seed.stream("sliced-w2.directions");
    }

    @Override
    public INDArray velocity(INDArray generated, INDArray data) {
        int d = (int) generated.columns();
        if (config.redrawEachCall() || directions == null || directions[0].length != d) {
            directions = draw(d);
        }
        double[][] y = generated.toDoubleMatrix();
        double[][] x = data.toDoubleMatrix();
        double[] v = new double[y.length * d];
        for (double[] theta : directions) {
            double[] py = project(y, theta);
            double[] q = targets(py, project(x, theta));
            for (int i = 0; i < y.length; i++) {
                for (int k = 0; k < d; k++) {
                    v[i * d + k] += (double) d / directions.length * (q[i] - py[i]) * theta[k];
                }
            }
        }
        return Nd4j.create(v, new long[] {y.length, d}, 'c').castTo(generated.dataType());
    }

    /** The random stream's state ({@code rng}) and, once drawn, the directions ({@code directions}). */
    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put("rng", Nd4j.createFromArray(random.state()));
        if (directions != null) {
            out.put("directions", Nd4j.createFromArray(directions));
        }
        return out;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        random.restore(state.get("rng").getLong(0));
        directions = state.containsKey("directions") ? state.get("directions").toDoubleMatrix() : null;
    }

    /** {@code sliced.directions} unit directions uniform on the sphere in R^d. */
    private double[][] draw(int d) {
        double[][] out = new double[config.directions()][d];
        for (double[] theta : out) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                theta[k] = random.nextGaussian();
                norm += theta[k] * theta[k];
            }
            for (int k = 0; k < d; k++) {
                theta[k] /= Math.sqrt(norm);
            }
        }
        return out;
    }

    /** The objective J of the last {@link #velocity} call's directions at the points {@code generated}. */
    public double objective(INDArray generated, INDArray data) {
        double[][] y = generated.toDoubleMatrix();
        double[][] x = data.toDoubleMatrix();
        int d = y[0].length;
        double total = 0;
        for (double[] theta : directions) {
            double[] py = project(y, theta);
            double[] q = targets(py, project(x, theta));
            for (int i = 0; i < y.length; i++) {
                total += (py[i] - q[i]) * (py[i] - q[i]);
            }
        }
        return total * d / (2.0 * directions.length * y.length);
    }

    private static double[] project(double[][] points, double[] theta) {
        double[] p = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            for (int k = 0; k < theta.length; k++) {
                p[i] += points[i][k] * theta[k];
            }
        }
        return p;
    }

    /** For each y projection, the data quantile its rank is matched to. */
    private static double[] targets(double[] py, double[] px) {
        int m = py.length;
        double[] sorted = px.clone();
        Arrays.sort(sorted);
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(py[a], py[b]));
        double[] q = new double[m];
        for (int r = 0; r < m; r++) {
            q[order[r]] = sorted[(int) ((r + 0.5) * sorted.length / m)];
        }
        return q;
    }

    /**
     * Its memory at batch m, on the heap: both batches as {@code double[]} rows, the velocity, the two projections
     * and the targets of one direction, and the L directions.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long m = shape.batch();
        int d = shape.dimension();
        long directions = settings.get(SlicedConfig.DIRECTIONS);
        long rows = 2 * m * (16 + 8L * d + 4);
        return List.of(new MemoryPart("the sliced batches, projections and directions", RunShape.BATCH,
                rows + 8 * m * d + 3 * 8 * m + directions * (16 + 8L * d + 4), 0, Math.max(m * d, m)));
    }
}
