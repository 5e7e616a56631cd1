package org.wasserflow.ot;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.GroundCost;
import org.wasserflow.api.Loss;
import org.wasserflow.api.PotentialEstimator;

/**
 * The exact discrete OT potential (docs/math.md section 4): the optimal assignment {@code sigma} between the m
 * generated and m data samples for the loss's ground cost, and the velocity
 * {@code -grad_y c(y_i, x_sigma(i))} at each generated sample (W2: {@code x_sigma(i) - y_i}; W1: the unit
 * vector towards {@code x_sigma(i)}). Solves from scratch at every call, so it needs no fitting and works
 * for any law, including Heun's predicted one. Each batch is converted to a flat double array once; the cost
 * matrix comes from {@link CostMatrix}. Stateless apart from the solver.
 */
public final class ExactOtPotential implements PotentialEstimator {

    /** The name this estimator is registered under, for every loss. */
    public static final String NAME = "exact-ot";

    private final GroundCost cost;
    private final LinearAssignment solver = new LinearAssignment();

    @Inject
    public ExactOtPotential(Loss loss) {
        this.cost = loss.cost();
    }

    @Override
    public INDArray velocity(INDArray generated, INDArray data) {
        int m = generated.rows();
        int d = generated.columns();
        if (data.rows() != m || data.columns() != d) {
            throw new IllegalArgumentException("exact-ot needs equal-size batches of the same dimension, got "
                    + java.util.Arrays.toString(generated.shape()) + " and " + java.util.Arrays.toString(data.shape()));
        }
        double[] y = Points.flat(generated);
        double[] x = Points.flat(data);
        Assignment a = solver.solve(CostMatrix.of(cost, y, x, d), m);
        double[] v = new double[m * d];
        double[] yi = new double[d];
        double[] xj = new double[d];
        double[] pull = new double[d];
        for (int i = 0; i < m; i++) {
            System.arraycopy(y, i * d, yi, 0, d);
            System.arraycopy(x, a.colOf(i) * d, xj, 0, d);
            cost.pull(yi, xj, pull);
            System.arraycopy(pull, 0, v, i * d, d);
        }
        return Nd4j.create(v, new long[] {m, d}, 'c').castTo(generated.dataType());
    }

    /**
     * Its memory at batch m, on the heap: the {@code m x m} double cost matrix, the assignment's vectors, both batches
     * as double rows ({@link Points#heapBytes}) and the velocity as doubles.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long m = shape.batch();
        int d = shape.dimension();
        return List.of(new MemoryPart("the exact-OT cost matrix and assignment", RunShape.BATCH,
                8 * m * m + 32 * m + 2 * Points.heapBytes(m, d) + 8 * m * d, 0, m * m));
    }
}
