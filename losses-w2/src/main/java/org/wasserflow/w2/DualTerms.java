package org.wasserflow.w2;

/**
 * The scalar terms of the penalised W2 dual (docs/math.md section 2) from the two potentials' values and
 * input gradients on a minibatch, and the gradients of {@code -L_D} with respect to those values and input
 * gradients: a pure function on plain arrays, in double precision, that the network passes of
 * {@link W2DualObjective} feed and consume. This is the place to change the objective.
 *
 * <p>For the side of potential {@code f} with own points {@code p} (phi: {@code y}; psi: {@code x}) and the other
 * potential {@code g}, with {@code T p = p - grad f(p)}:
 * <pre>
 *   dual     = mean(phi(y) + psi(x))
 *   hinge    = lambda mean R(phi(y) + psi(x) - |y - x|^2 / 2) + lambda mean R(phi(y~) + psi(x~) - |y~ - x~|^2 / 2)
 *   equality = lambda_eq mean (f(p) + g(T p) - |grad f(p)|^2 / 2)^2, summed over both sides
 *   -L_D     = -dual + hinge + equality
 * </pre>
 */
final class DualTerms {

    private DualTerms() {
    }

    /**
     * What one side's network passes produced; arrays of {@code m} values or {@code m x d} row-major gradients.
     *
     * @param own {@code f(p)}
     * @param interpolated {@code f} at this side's interpolants, or null without interpolants
     * @param interpolants this side's interpolants {@code [m x d]}, or null without interpolants
     * @param grad {@code grad f(p)}, or null without equality terms
     * @param onMapped {@code f} at the other side's mapped points {@code T q}, or null without equality terms
     * @param gradOnMapped {@code grad f(T q)}, or null without equality terms
     */
    record SideValues(double[] own, double[] interpolated, double[] interpolants, double[] grad, double[] onMapped,
            double[] gradOnMapped) { }

    /**
     * The gradient of {@code -L_D} for one side.
     *
     * @param dOwn with respect to {@code f(p)}
     * @param dInterpolated with respect to {@code f} at the interpolants (null without interpolants)
     * @param dOnMapped with respect to {@code f(T q)} (null without equality terms)
     * @param dGrad with respect to {@code grad f(p)}, {@code [m x d]} (null without equality terms)
     */
    record SideGradients(double[] dOwn, double[] dInterpolated, double[] dOnMapped, double[] dGrad) { }

    /** The value of {@code -L_D}, its terms, and the gradients for each side. */
    record Result(W2DualObjective.Value value, SideGradients phi, SideGradients psi) { }

    /**
     * @param y generated points, {@code [m x d]} row-major
     * @param x data points, {@code [m x d]} row-major
     */
    static Result combine(W2DualConfig cfg, double[] y, double[] x, int d, SideValues phi, SideValues psi) {
        int m = phi.own().length;
        double[] dPhiOwn = new double[m];
        double[] dPsiOwn = new double[m];
        double dual = 0;
        double hinge = 0;
        for (int i = 0; i < m; i++) {
            double sum = phi.own()[i] + psi.own()[i];
            double u = sum - halfSquaredDistance(y, x, i, d);
            dual += sum;
            hinge += cfg.penalty().value(u);
            dPhiOwn[i] = (cfg.lambda() * cfg.penalty().derivative(u) - 1) / m;
            dPsiOwn[i] = dPhiOwn[i];
        }
        dual /= m;
        hinge = cfg.lambda() * hinge / m;
        double[] dInterpolated = null;
        if (cfg.interpolants()) {
            dInterpolated = new double[m];
            double h = 0;
            for (int i = 0; i < m; i++) {
                double u = phi.interpolated()[i] + psi.interpolated()[i]
                        - halfSquaredDistance(phi.interpolants(), psi.interpolants(), i, d);
                h += cfg.penalty().value(u);
                dInterpolated[i] = cfg.lambda() * cfg.penalty().derivative(u) / m;
            }
            hinge += cfg.lambda() * h / m;
        }
        double equality = 0;
        double[][] eq = {null, null, null, null};
        if (cfg.equality()) {
            eq[0] = new double[m];
            eq[1] = new double[m * d];
            eq[2] = new double[m];
            eq[3] = new double[m * d];
            equality = equality(cfg, phi, psi, d, dPhiOwn, eq[0], eq[1]) + equality(cfg, psi, phi, d, dPsiOwn, eq[2], eq[3]);
        }
        W2DualObjective.Value value = new W2DualObjective.Value(-dual + hinge + equality, dual, hinge, equality);
        return new Result(value, new SideGradients(dPhiOwn, dInterpolated, eq[2], eq[1]),
                new SideGradients(dPsiOwn, dInterpolated, eq[0], eq[3]));
    }

    /**
     * {@code lambda_eq mean e^2} with {@code e = f(p) + g(T p) - |grad f(p)|^2 / 2} for side f and the other side
     * g; adds {@code de} to f's own gradient, writes it as g's gradient on its mapped points, and writes f's
     * input-gradient gradient {@code -(grad g(T p) + grad f(p)) de}.
     */
    private static double equality(W2DualConfig cfg, SideValues f, SideValues g, int d, double[] dOwn, double[] otherOnMapped,
            double[] dGrad) {
        int m = f.own().length;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                double gk = f.grad()[i * d + k];
                norm += gk * gk;
            }
            double e = f.own()[i] + g.onMapped()[i] - norm / 2;
            sum += e * e;
            double de = 2 * cfg.lambdaEq() * e / m;
            dOwn[i] += de;
            otherOnMapped[i] = de;
            for (int k = 0; k < d; k++) {
                dGrad[i * d + k] = -(g.gradOnMapped()[i * d + k] + f.grad()[i * d + k]) * de;
            }
        }
        return cfg.lambdaEq() * sum / m;
    }

    private static double halfSquaredDistance(double[] a, double[] b, int row, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double diff = a[row * d + k] - b[row * d + k];
            s += diff * diff;
        }
        return s / 2;
    }
}
