package org.wasserflow.w2;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.TwoLanes;

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
 * <p>Four phases, each returning values: (0) each side evaluates its potential and input gradient on its own
 * points ({@link DualSide#own}); (1) each side evaluates its interpolants and the other side's mapped points
 * ({@link DualSide#cross}); (2) a pure function of those values gives the terms and their gradients
 * ({@link DualTerms#combine}); (3) each side backpropagates them ({@link DualSide#backward}). The two sides of
 * phases 0, 1 and 3 run on two threads when asked ({@link TwoLanes}), with the same operations in the same
 * order, so the result does not depend on it. One evaluation at a time.
 */
final class W2DualObjective {

    /** Values of one evaluation. */
    record Value(double loss, double dual, double hinge, double equality) { }

    private final W2DualConfig cfg;
    private final DualSide phi;
    private final DualSide psi;
    private final TwoLanes lanes;

    /** @param lanes runs the two sides of phases 0, 1 and 3, on one thread or two */
    W2DualObjective(W2DualConfig cfg, Mlp phi, Mlp psi, TwoLanes lanes) {
        this.cfg = cfg;
        this.phi = new DualSide(phi, cfg);
        this.psi = new DualSide(psi, cfg);
        this.lanes = lanes;
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
        TwoLanes.Both<INDArray, INDArray> mapped = lanes.both(() -> phi.own(y, x, b), () -> psi.own(x, y, a));
        TwoLanes.Both<DualTerms.SideValues, DualTerms.SideValues> values =
                lanes.both(() -> phi.cross(mapped.second()), () -> psi.cross(mapped.first()));
        DualTerms.Result terms = DualTerms.combine(cfg, DualSide.read(y), DualSide.read(x), y.columns(), values.first(),
                values.second());
        lanes.both(() -> phi.backward(terms.phi()), () -> psi.backward(terms.psi()));
        return terms.value();
    }
}
