package org.wasserflow.w2;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.Tape;
import org.wasserflow.nn.Tapes;

/**
 * The minimisation form {@code -L_D} of the penalised W2 dual (docs/math.md section 2) for a potential pair
 * {@code (phi, psi)} on a minibatch, with its exact parameter gradient:
 *
 * <pre>
 *   -L_D = -mean(phi(y) + psi(x)) + lambda * mean R(phi(y) + psi(x) - |y - x|^2 / 2)
 *          + lambda * mean R(phi(y~) + psi(x~) - |y~ - x~|^2 / 2)                [interpolants]
 *          + lambda_eq * mean (phi(y) + psi(T y) - |grad phi(y)|^2 / 2)^2         [equality, T y = y - grad phi(y)]
 *          + lambda_eq * mean (phi(S x) + psi(x) - |grad psi(x)|^2 / 2)^2         [equality, S x = x - grad psi(x)]
 * </pre>
 *
 * with {@code x~ = a x + (1 - a) y}, {@code y~ = b y + (1 - b) x}. The equality terms depend on the input
 * gradients and are differentiated by double backpropagation ({@link Mlp#backwardInputGradient}).
 *
 * <p>The work splits into a phi side and a psi side that meet twice: (0) forward passes on their own inputs
 * and input gradients; (1) forward passes on the other side's mapped points; then the scalar terms are
 * combined; (2) backward passes. The sides run on two threads when asked ({@link TwoLanes}), with the
 * same operations in the same order, so the result does not depend on it. Reuses one tape per term; one
 * evaluation at a time.
 */
final class W2DualObjective {

    /** Values of one evaluation. */
    record Value(double loss, double dual, double hinge, double equality) { }

    private final W2DualConfig cfg;
    private final Side phiSide;
    private final Side psiSide;
    private final TwoLanes lanes;

    W2DualObjective(W2DualConfig cfg, Mlp phi, Mlp psi, boolean parallel) {
        this.cfg = cfg;
        this.phiSide = new Side(phi);
        this.psiSide = new Side(psi);
        this.lanes = new TwoLanes(3, parallel);
    }

    /**
     * Evaluates {@code -L_D} and adds its gradient to the gradient buffers of both networks.
     *
     * @param y {@code [m, d]} generated samples
     * @param x {@code [m, d]} data samples
     * @param a {@code [m, 1]} interpolation weights for {@code x~}, in [0, 1]
     * @param b {@code [m, 1]} interpolation weights for {@code y~}, in [0, 1]
     */
    Value accumulate(INDArray y, INDArray x, INDArray a, INDArray b) {
        Value[] value = new Value[1];
        phiSide.bind(y, x, b, psiSide);
        psiSide.bind(x, y, a, phiSide);
        lanes.run(phiSide::phase, psiSide::phase, 1, () -> value[0] = combine(y, x));
        return value[0];
    }

    /** The scalar terms from both sides' outputs; sets each side's output gradients for phase 2. */
    private Value combine(INDArray y, INDArray x) {
        int m = y.rows();
        INDArray sum = phiSide.own.add(psiSide.own);
        double dual = sum.meanNumber().doubleValue();
        Hinge main = hinge(sum.subi(halfSquaredDistance(y, x)), m);
        phiSide.dOwn = main.grad.sub(1.0 / m);
        psiSide.dOwn = phiSide.dOwn.dup();
        double loss = -dual + main.value;
        double hinge = main.value;
        if (cfg.interpolants()) {
            INDArray u = phiSide.interpolated.add(psiSide.interpolated)
                    .subi(halfSquaredDistance(phiSide.interpolant, psiSide.interpolant));
            Hinge h = hinge(u, m);
            phiSide.dInterpolated = h.grad;
            psiSide.dInterpolated = h.grad;
            loss += h.value;
            hinge += h.value;
        }
        double equality = 0;
        if (cfg.equality()) {
            equality = phiSide.equality(psiSide, m) + psiSide.equality(phiSide, m);
            loss += equality;
        }
        return new Value(loss, dual, hinge, equality);
    }

    /** {@code lambda * mean R(u)} and its gradient {@code lambda * R'(u) / m} as a column. */
    private Hinge hinge(INDArray u, int m) {
        double[] uu = u.toDoubleVector();
        double[] g = new double[m];
        double v = 0;
        for (int i = 0; i < m; i++) {
            v += cfg.penalty().value(uu[i]);
            g[i] = cfg.lambda() * cfg.penalty().derivative(uu[i]) / m;
        }
        return new Hinge(cfg.lambda() * v / m, Nd4j.create(g, new long[] {m, 1}).castTo(u.dataType()));
    }

    private record Hinge(double value, INDArray grad) { }

    private static INDArray halfSquaredDistance(INDArray y, INDArray x) {
        INDArray diff = y.sub(x);
        return diff.muli(diff).sum(true, 1).muli(0.5);
    }

    /**
     * One potential with its own points {@code p} (phi: y; psi: x): its values there, on its interpolants
     * and, for the equality terms, on the other side's mapped points {@code q - grad other(q)}.
     */
    private final class Side {
        private final Mlp net;
        private final Tapes tapes;
        private INDArray p;
        private INDArray q;
        private INDArray weight;
        private Side other;
        INDArray own;
        INDArray interpolant;
        INDArray interpolated;
        private INDArray grad;
        private INDArray mapped;
        private INDArray onMapped;
        private INDArray gradOnMapped;
        INDArray dOwn;
        INDArray dInterpolated;
        private INDArray dOnMapped;
        private INDArray dGrad;

        Side(Mlp net) {
            this.net = net;
            this.tapes = new Tapes(net);
        }

        void bind(INDArray points, INDArray otherPoints, INDArray interpolationWeight, Side otherSide) {
            p = points;
            q = otherPoints;
            weight = interpolationWeight;
            other = otherSide;
        }

        void phase(int k) {
            int m = p.rows();
            switch (k) {
                case 0 -> {
                    own = net.forward(tape("own", m), p);
                    if (cfg.interpolants()) {
                        interpolant = p.mulColumnVector(weight).addi(q.mulColumnVector(weight.rsub(1)));
                        interpolated = net.forward(tape("interpolant", m), interpolant);
                    }
                    if (cfg.equality()) {
                        grad = net.inputGradient(tape("own", m));
                        mapped = p.sub(grad);
                    }
                }
                case 1 -> {
                    if (cfg.equality()) {
                        Tape t = tape("mapped", m);
                        onMapped = net.forward(t, other.mapped);
                        gradOnMapped = net.inputGradient(t);
                    }
                }
                default -> {
                    net.backward(tape("own", m), dOwn);
                    if (cfg.interpolants()) {
                        net.backward(tape("interpolant", m), dInterpolated);
                    }
                    if (cfg.equality()) {
                        net.backwardInputGradient(tape("own", m), dGrad);
                        net.backward(tape("mapped", m), dOnMapped);
                    }
                }
            }
        }

        /**
         * {@code lambda_eq * mean (f(p) + g(p - grad f(p)) - |grad f(p)|^2 / 2)^2} for this side's potential f
         * and the other side's g: sets the gradients both sides need in phase 2.
         */
        double equality(Side otherSide, int m) {
            INDArray e = own.add(otherSide.onMapped).subi(grad.mul(grad).sum(true, 1).muli(0.5));
            double value = cfg.lambdaEq() * e.mul(e).meanNumber().doubleValue();
            INDArray de = e.muli(2 * cfg.lambdaEq() / m);
            dOwn.addi(de);
            otherSide.dOnMapped = de;
            dGrad = otherSide.gradOnMapped.add(grad).negi().muliColumnVector(de);
            return value;
        }

        private Tape tape(String role, int rows) {
            return tapes.get(role, rows);
        }
    }
}
