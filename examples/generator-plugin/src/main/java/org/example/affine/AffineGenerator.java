package org.example.affine;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Generator;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The affine generator {@code G(z) = z A + b} on R^d, with {@code A} ({@code [d, d]}) starting at the identity and
 * {@code b} ({@code [1, d]}) at zero, built on first use when d is known; trained by plain gradient steps of size
 * {@code affine.lr}. Parameters are doubles; outputs are float. It can represent any Gaussian push-forward of a
 * Gaussian source, which is what a flow towards a multimodal law then settles on. Select it with
 * {@code generator=affine}.
 */
public final class AffineGenerator implements Generator {

    public static final Setting<Double> LR = Setting.number("affine.lr", 0.5).positive()
            .describe("step size of the gradient steps on A and b");
    /** The generator's keys. */
    public static final SettingGroup GROUP = SettingGroup.of("affine", "affine generator", LR);

    private final double lr;
    private INDArray a;
    private INDArray b;

    @Inject
    public AffineGenerator(Settings settings) {
        this.lr = settings.get(LR);
    }

    private void build(int d) {
        if (a == null) {
            a = Nd4j.eye(d).castTo(DataType.DOUBLE);
            b = Nd4j.zeros(DataType.DOUBLE, 1, d);
        }
    }

    @Override
    public INDArray generate(INDArray source) {
        build((int) source.columns());
        return source.castTo(DataType.DOUBLE).mmul(a).addiRowVector(b).castTo(DataType.FLOAT);
    }

    @Override
    public double regress(INDArray source, INDArray target) {
        INDArray diff = generate(source).castTo(DataType.DOUBLE).subi(target.castTo(DataType.DOUBLE));
        double loss = diff.mul(diff).meanNumber().doubleValue();
        step(source, diff.muli(2.0 / diff.length()));
        return loss;
    }

    @Override
    public void descend(INDArray source, INDArray outputGradient) {
        build((int) source.columns());
        step(source, outputGradient.castTo(DataType.DOUBLE));
    }

    /** One gradient step for the gradient {@code g} ({@code [m, d]}) of a loss with respect to the outputs. */
    private void step(INDArray source, INDArray g) {
        INDArray z = source.castTo(DataType.DOUBLE);
        a.subi(z.transpose().mmul(g).muli(lr));
        b.subi(g.sum(true, 0).muli(lr));
    }

    /** {@code A} and {@code b}, copies (empty before the first use). */
    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        if (a != null) {
            out.put("A", a.dup());
            out.put("b", b.dup());
        }
        return out;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        if (!state.isEmpty() && !state.keySet().equals(java.util.Set.of("A", "b"))) {
            throw new IllegalArgumentException("affine saves [A, b], but the checkpoint holds " + state.keySet());
        }
        a = state.isEmpty() ? null : state.get("A").dup();
        b = state.isEmpty() ? null : state.get("b").dup();
    }

    /**
     * Its memory, off-heap: the parameters ({@code d^2 + d} doubles) and, at the larger of the batch and the
     * evaluation batch, the source cast to double, the outputs and their gradient ({@code 3 m d} doubles).
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long d = shape.dimension();
        boolean evaluation = shape.evalSource() > shape.batch();
        long m = Math.max(shape.batch(), shape.evalSource());
        String key = evaluation ? RunShape.EVAL_SOURCE : RunShape.BATCH;
        return List.of(new MemoryPart("the affine generator's parameters and batches", key, 0, 8 * (d * d + d + 3 * m * d), 0));
    }
}
