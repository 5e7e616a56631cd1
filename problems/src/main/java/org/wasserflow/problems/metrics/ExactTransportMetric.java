package org.wasserflow.problems.metrics;

import java.util.List;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.ot.EmpiricalTransport;

/**
 * The exact Wasserstein distance {@code W_p} (p = 1 or 2) between the uniform empirical laws of the generated
 * points and the data, by linear assignment ({@link EmpiricalTransport}), with its floor: the same distance
 * between the reference set and the data, i.e. what a perfect generator would score on these finite sets.
 * Columns {@code <name>} and {@code <name>_floor}. Needs sets of equal size; the floor is computed once per
 * set of fixed evaluation sets and cached. Exact assignment costs {@code O(n^3)}: meant for evaluation sets
 * of a few thousand points. Inputs are not modified.
 */
abstract class ExactTransportMetric implements Metric {

    private final String name;
    private final int p;
    private final FixedSetCache<Double> floor = new FixedSetCache<>();

    ExactTransportMetric(String name, int p) {
        this.name = name;
        this.p = p;
    }

    /** The distance: lower is better; its floor is a reference. */
    @Override
    public final Better better(String column) {
        return column.equals(name + "_floor") ? Better.NEITHER : Better.LOWER;
    }

    @Override
    public final Map<String, Double> evaluate(Evaluation e) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(name, distance(e.generated(), e.data().points()));
        out.put(name + "_floor", floor.get(() -> distance(e.reference().points(), e.data().points()), e.reference(), e.data()));
        return out;
    }

    /** {@code W_p} between two equal-size clouds {@code [n, d]}. */
    final double distance(INDArray y, INDArray x) {
        if (y.rows() != x.rows() || y.columns() != x.columns()) {
            throw new IllegalArgumentException(name + " needs point sets of equal size and dimension, got " + y.rows() + "x"
                    + y.columns() + " and " + x.rows() + "x" + x.columns());
        }
        double cost = new EmpiricalTransport().assign(y, x, p).meanCost();
        return p == 2 ? Math.sqrt(cost) : cost;
    }

    /**
     * The largest buffers of {@code W_p} at the evaluation sizes: the {@code n x n} double cost matrix on the heap
     * ({@code n} the larger set), the assignment's vectors and both clouds as doubles.
     */
    static List<MemoryPart> memory(String name, RunShape shape) {
        long n = shape.largerEval();
        return List.of(new MemoryPart("the " + name + " metric's cost matrix", shape.largerEvalKey(),
                8 * n * n + 32 * n + 2 * 8 * n * shape.dimension(), 0, n * n));
    }
}
