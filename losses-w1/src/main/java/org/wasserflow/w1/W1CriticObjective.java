package org.wasserflow.w1;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.Tape;
import org.wasserflow.nn.Tapes;

/**
 * The minimisation form {@code -L_D} of the penalised W1 dual (docs/math.md section 3) for a critic f on a minibatch,
 * with its exact parameter gradient:
 *
 * <pre>
 *   -L_D = mean f(y) - mean f(x) + lambda * mean_i P(|grad f(xhat_i)| - 1),   xhat = a x + (1 - a) y
 * </pre>
 *
 * The penalty depends on the input gradient and is differentiated by double backpropagation
 * ({@link Mlp#backwardInputGradient}); SameDiff has no second-order gradients. Reuses one tape per term;
 * one evaluation at a time.
 */
final class W1CriticObjective {

    /**
     * Values of one evaluation.
     *
     * @param loss {@code -L_D}
     * @param wasserstein the critic's estimate {@code mean f(x) - mean f(y)} of W1
     * @param penalty {@code lambda * mean P(...)}
     * @param gradientNorm mean {@code |grad f(xhat)|}
     */
    record Value(double loss, double wasserstein, double penalty, double gradientNorm) { }

    private final W1CriticConfig cfg;
    private final Mlp critic;
    private final Tapes tapes;

    W1CriticObjective(W1CriticConfig cfg, Mlp critic) {
        this.cfg = cfg;
        this.critic = critic;
        this.tapes = new Tapes(critic);
    }

    /**
     * Evaluates {@code -L_D} and adds its gradient to the critic's gradient buffer.
     *
     * @param y {@code [m, d]} generated samples
     * @param x {@code [m, d]} data samples
     * @param a {@code [m, 1]} interpolation weights in [0, 1]
     */
    Value accumulate(INDArray y, INDArray x, INDArray a) {
        int m = y.rows();
        Tape ty = tapes.get("generated", m);
        Tape tx = tapes.get("data", m);
        Tape th = tapes.get("interpolant", m);
        double fy = critic.forward(ty, y).meanNumber().doubleValue();
        double fx = critic.forward(tx, x).meanNumber().doubleValue();
        INDArray xhat = x.mulColumnVector(a).addi(y.mulColumnVector(a.rsub(1)));
        critic.forward(th, xhat);
        INDArray g = critic.inputGradient(th);
        double[] norms = g.norm2(1).toDoubleVector();
        double[] scale = new double[m];
        double penalty = 0;
        double meanNorm = 0;
        for (int i = 0; i < m; i++) {
            penalty += cfg.penalty().value(norms[i] - 1);
            meanNorm += norms[i] / m;
            scale[i] = norms[i] > 0 ? cfg.lambda() * cfg.penalty().derivative(norms[i] - 1) / (m * norms[i]) : 0;
        }
        penalty *= cfg.lambda() / m;
        INDArray u = g.mulColumnVector(Nd4j.create(scale, new long[] {m, 1}).castTo(g.dataType()));
        critic.backwardInputGradient(th, u);
        critic.backward(ty, Nd4j.valueArrayOf(new long[] {m, 1}, 1.0 / m, y.dataType()));
        critic.backward(tx, Nd4j.valueArrayOf(new long[] {m, 1}, -1.0 / m, x.dataType()));
        return new Value(fy - fx + penalty, fx - fy, penalty, meanNorm);
    }
}
