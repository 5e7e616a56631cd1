package org.wasserflow.nn;

import java.util.Arrays;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma &amp; Ba 2015) over a {@link Parameters} block. {@link #step} descends the accumulated gradient
 * and then clears it. Float parameters (every network the runs train) are updated by a Java loop that does ND4J's
 * {@code adam_updater} arithmetic operation for operation, so the result is the same bit for bit
 * ({@code AdamTest}); in a JFR profile of the bench it took a third of the time of the op, which cost about
 * 0.45 ms a step on the 34 000 parameters of a critic. Other types go through ND4J's updater.
 */
public final class Adam implements Optimizer {

    private final Parameters params;
    private final OptimizerConfig config;
    /** ND4J's updater, for parameters other than float; null for float. */
    private final AdamUpdater updater;
    /** The updater's state, first moments then second, {@code [1, 2 n]}; the layout {@link #state} keeps. */
    private final INDArray moments;
    /** For float parameters: the first moments. */
    private final float[] m;
    /** For float parameters: the second moments. */
    private final float[] v;
    private final float[] w;
    private final float[] g;
    /** How many steps' powers of the betas one ND4J call computes. */
    private static final int POWERS = 1024;
    /** For float parameters: {@code beta1^(t+1)} and {@code beta2^(t+1)} for the steps {@code t} from {@link #powersFrom}. */
    private float[] beta1Powers;
    private float[] beta2Powers;
    private int powersFrom = -1;
    private int iteration;

    /**
     * @param params the parameters updated in place
     * @param config learning rate and moment decay rates
     */
    public Adam(Parameters params, OptimizerConfig config) {
        this.params = params;
        this.config = config;
        boolean java = params.values().dataType() == DataType.FLOAT;
        int n = java ? Math.toIntExact(params.size()) : 0;
        m = new float[n];
        v = new float[n];
        w = new float[n];
        g = new float[n];
        if (java) {
            updater = null;
            moments = null;
        } else {
            org.nd4j.linalg.learning.config.Adam adam = config.halfLife() == 0
                    ? new org.nd4j.linalg.learning.config.Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon())
                    : org.nd4j.linalg.learning.config.Adam.builder().learningRate(config.learningRate())
                            .learningRateSchedule(new org.nd4j.linalg.schedule.ExponentialSchedule(org.nd4j.linalg.schedule.ScheduleType.ITERATION,
                                    config.learningRate(), Math.pow(0.5, 1.0 / config.halfLife())))
                            .beta1(config.beta1()).beta2(config.beta2()).epsilon(config.epsilon()).build();
            updater = new AdamUpdater(adam);
            moments = Nd4j.zeros(params.values().dataType(), 1, 2 * params.size());
            updater.setStateViewArray(moments, new long[] {1, params.size()}, 'c', true);
        }
    }

    @Override
    public void step() {
        if (updater != null) {
            updater.applyUpdater(params.grads().reshape(1, params.size()), iteration++, 0);
            params.values().subi(params.grads());
        } else {
            float beta1 = (float) config.beta1();
            float beta2 = (float) config.beta2();
            float epsilon = (float) config.epsilon();
            int t = iteration++;
            float size = stepSize((float) config.learningRateAt(t), beta1, beta2, epsilon, t);
            Kernels.read(params.values(), w);
            Kernels.read(params.grads(), g);
            update(w, g, m, v, beta1, beta2, epsilon, size);
            Kernels.write(params.values(), w, w.length);
        }
        params.zeroGrad();
    }

    /**
     * The bias-corrected step size of step {@code t} (from 0) as ND4J's updater computes it: the powers
     * {@code beta^(t+1)} by ND4J's own float {@code pow} (Java's differs from it in the last bit for about 1% of
     * the steps), the square root in float, the division by {@code 1 - beta1^(t+1)} in double.
     */
    private float stepSize(float lr, float beta1, float beta2, float epsilon, int t) {
        if (powersFrom < 0 || t < powersFrom || t >= powersFrom + POWERS) {
            powersFrom = t;
            beta1Powers = powers(beta1, t);
            beta2Powers = powers(beta2, t);
        }
        float beta1T = beta1Powers[t - powersFrom];
        float beta2T = beta2Powers[t - powersFrom];
        float size = (float) ((lr * (float) Math.sqrt((float) (1.0 - beta2T))) / (1.0 - beta1T));
        return Float.isNaN(size) || Float.isInfinite(size) || size == 0 ? epsilon : size;
    }

    /**
     * {@code base^(t+1)} for the {@value #POWERS} steps {@code t} from {@code from}, by ND4J's float {@code pow}
     * in one call (the same function its updater applies to one exponent at a time).
     */
    private static float[] powers(float base, int from) {
        float[] exponents = new float[POWERS];
        for (int i = 0; i < POWERS; i++) {
            exponents[i] = (float) (from + i) + 1;
        }
        INDArray bases = Nd4j.valueArrayOf(new long[] {POWERS}, base, DataType.FLOAT);
        return Transforms.pow(bases, Nd4j.createFromArray(exponents), false).toFloatVector();
    }

    /**
     * One Adam update in place: the moments {@code m} and {@code v} take gradient {@code g}, and {@code w}
     * descends by {@code stepSize m / (sqrt(v) + epsilon)}.
     */
    static void update(float[] w, float[] g, float[] m, float[] v, float beta1, float beta2, float epsilon, float stepSize) {
        float keep1 = 1 - beta1;
        float keep2 = 1 - beta2;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + gi * keep1;
            float vi = beta2 * v[i] + gi * gi * keep2;
            m[i] = mi;
            v[i] = vi;
            w[i] = w[i] - mi * stepSize / ((float) Math.sqrt(vi) + epsilon);
        }
    }

    /** The first and second moments ({@code moments}, {@code [1, 2 n]}) and the step count ({@code steps}). */
    @Override
    public Map<String, INDArray> state() {
        INDArray copy = moments == null ? Nd4j.createFromArray(concat(m, v)).reshape(1, 2L * m.length) : moments.dup();
        return Map.of("moments", copy, "steps", Nd4j.createFromArray((long) iteration));
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        INDArray saved = States.require(state, "moments", new long[] {1, 2 * params.size()});
        if (updater == null) {
            float[] f = saved.castTo(DataType.FLOAT).reshape(2L * m.length).toFloatVector();
            System.arraycopy(f, 0, m, 0, m.length);
            System.arraycopy(f, m.length, v, 0, v.length);
        } else {
            moments.assign(saved);
        }
        iteration = (int) States.require(state, "steps", new long[] {1}).getLong(0);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
