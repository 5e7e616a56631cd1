package org.wasserflow.w2;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.Tape;

/**
 * The minimisation form {@code -L_D} of the penalised W2 dual (SPEC section 2) for a potential pair
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
 * Reuses one tape per term; not thread-safe.
 */
final class W2DualObjective {

    /** Values of one evaluation. */
    record Value(double loss, double dual, double hinge, double equality) { }

    private final W2DualConfig cfg;
    private final Mlp phi;
    private final Mlp psi;
    private final Map<String, Tape> tapes = new HashMap<>();

    W2DualObjective(W2DualConfig cfg, Mlp phi, Mlp psi) {
        this.cfg = cfg;
        this.phi = phi;
        this.psi = psi;
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
        int m = y.rows();
        Tape ty = tape(phi, "y", m);
        Tape tx = tape(psi, "x", m);
        INDArray fy = phi.forward(ty, y);
        INDArray fx = psi.forward(tx, x);
        INDArray sum = fy.add(fx);
        double dual = sum.meanNumber().doubleValue();
        Hinge main = hinge(sum.subi(halfSquaredDistance(y, x)), m);
        INDArray dPhiY = main.grad.sub(1.0 / m);
        INDArray dPsiX = dPhiY.dup();
        double loss = -dual + main.value;
        double hinge = main.value;
        if (cfg.interpolants()) {
            INDArray xt = x.mulColumnVector(a).addi(y.mulColumnVector(a.rsub(1)));
            INDArray yt = y.mulColumnVector(b).addi(x.mulColumnVector(b.rsub(1)));
            Tape tyt = tape(phi, "y~", m);
            Tape txt = tape(psi, "x~", m);
            INDArray u = phi.forward(tyt, yt).add(psi.forward(txt, xt)).subi(halfSquaredDistance(yt, xt));
            Hinge h = hinge(u, m);
            phi.backward(tyt, h.grad);
            psi.backward(txt, h.grad);
            loss += h.value;
            hinge += h.value;
        }
        double equality = 0;
        if (cfg.equality()) {
            equality += equalityTerm(phi, ty, y, fy, psi, "psi(Ty)", dPhiY);
            equality += equalityTerm(psi, tx, x, fx, phi, "phi(Sx)", dPsiX);
            loss += equality;
        }
        phi.backward(ty, dPhiY);
        psi.backward(tx, dPsiX);
        return new Value(loss, dual, hinge, equality);
    }

    /**
     * {@code lambda_eq * mean (f(p) + g(p - grad f(p)) - |grad f(p)|^2 / 2)^2}: adds its gradient with respect to
     * {@code f(p)} into {@code dOwn}, and its other parameter gradients into both networks.
     */
    private double equalityTerm(Mlp own, Tape ownTape, INDArray p, INDArray fp, Mlp other, String role, INDArray dOwn) {
        int m = p.rows();
        INDArray grad = own.inputGradient(ownTape);
        INDArray mapped = p.sub(grad);
        Tape t = tape(other, role, m);
        INDArray gm = other.forward(t, mapped);
        INDArray e = fp.add(gm).subi(grad.mul(grad).sum(true, 1).muli(0.5));
        double value = cfg.lambdaEq() * e.mul(e).meanNumber().doubleValue();
        INDArray de = e.muli(2 * cfg.lambdaEq() / m);
        dOwn.addi(de);
        other.backward(t, de);
        INDArray u = other.inputGradient(t).add(grad).negi().muliColumnVector(de);
        own.backwardInputGradient(ownTape, u);
        return value;
    }

    private record Hinge(double value, INDArray grad) { }

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

    private static INDArray halfSquaredDistance(INDArray y, INDArray x) {
        INDArray diff = y.sub(x);
        return diff.muli(diff).sum(true, 1).muli(0.5);
    }

    private Tape tape(Mlp net, String role, int rows) {
        String key = (net == phi ? "phi:" : "psi:") + role;
        Tape t = tapes.get(key);
        if (t == null || t.rows() != rows) {
            t = net.newTape(rows);
            tapes.put(key, t);
        }
        return t;
    }
}
