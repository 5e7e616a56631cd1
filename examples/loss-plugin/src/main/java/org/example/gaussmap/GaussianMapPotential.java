package org.example.gaussmap;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Pair;
import org.wasserflow.api.PairSource;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The W2 optimal map between diagonal Gaussian fits of the two laws: per coordinate k,
 * {@code T_k(y) = mx_k + (sx_k / sy_k) (y_k - my_k)}, and the velocity {@code T(y) - y}. The means and standard
 * deviations of both laws are fitted on the pairs {@code fit} draws, as exponential moving averages with weight
 * {@code gaussian_map.momentum} on the past; they are this estimator's state (four {@code [1, d]} double arrays),
 * which a checkpoint saves. Standard deviations below {@code gaussian_map.min_std} are raised to it.
 */
public final class GaussianMapPotential implements PotentialEstimator {

    public static final Setting<Double> MOMENTUM = Setting.number("gaussian_map.momentum", 0.5).between(0, 1, false, true)
            .describe("weight of the past in the moving averages of the means and standard deviations");
    public static final Setting<Double> MIN_STD = Setting.number("gaussian_map.min_std", 1e-3).positive()
            .describe("floor on the fitted standard deviations (the map divides by the generated law's)");
    /** The estimator's keys. */
    public static final SettingGroup GROUP = SettingGroup.of("gaussian_map", "diagonal Gaussian W2 map", MOMENTUM, MIN_STD);

    private static final List<String> STATS = List.of("generated_mean", "generated_std", "data_mean", "data_std");

    private final double momentum;
    private final double minStd;
    private final Map<String, INDArray> stats = new LinkedHashMap<>();

    @Inject
    public GaussianMapPotential(Settings settings) {
        this.momentum = settings.get(MOMENTUM);
        this.minStd = settings.get(MIN_STD);
    }

    @Override
    public Map<String, Double> fit(PairSource pairs) {
        Pair p = pairs.next();
        update("generated", p.generated().castTo(DataType.DOUBLE));
        update("data", p.data().castTo(DataType.DOUBLE));
        return Map.of("std_ratio", stats.get("data_std").div(stats.get("generated_std")).meanNumber().doubleValue());
    }

    @Override
    public List<String> diagnostics() {
        return List.of("std_ratio");
    }

    private void update(String side, INDArray points) {
        INDArray mean = points.mean(true, 0);
        INDArray std = points.std(false, true, 0);
        INDArray oldMean = stats.get(side + "_mean");
        stats.put(side + "_mean", oldMean == null ? mean : oldMean.mul(momentum).addi(mean.muli(1 - momentum)));
        INDArray oldStd = stats.get(side + "_std");
        stats.put(side + "_std", oldStd == null ? std : oldStd.mul(momentum).addi(std.muli(1 - momentum)));
    }

    @Override
    public INDArray velocity(INDArray generated, INDArray data) {
        if (stats.isEmpty()) {
            fit(() -> new Pair(generated, data));
        }
        INDArray y = generated.castTo(DataType.DOUBLE);
        INDArray scale = stats.get("data_std").div(Transforms.max(stats.get("generated_std"), minStd, true));
        INDArray mapped = y.subRowVector(stats.get("generated_mean")).muliRowVector(scale).addiRowVector(stats.get("data_mean"));
        return mapped.subi(y).castTo(generated.dataType());
    }

    /** The four fitted statistics, copies. */
    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        stats.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        if (!state.isEmpty() && !state.keySet().equals(new java.util.LinkedHashSet<>(STATS))) {
            throw new IllegalArgumentException("gaussian-map saves " + STATS + ", but the checkpoint holds " + state.keySet());
        }
        stats.clear();
        state.forEach((k, v) -> stats.put(k, v.dup()));
    }

    /**
     * Its memory: off-heap, the batches cast to double and the mapped points (four {@code [m, d]} doubles at most at
     * once) and the four statistics; nothing on the heap.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long m = shape.batch();
        int d = shape.dimension();
        return List.of(new MemoryPart("the gaussian-map batches and statistics", RunShape.BATCH, 0, 8 * (4 * m * d + 4L * d), 0));
    }
}
