package org.wasserflow.ot;

import java.util.Arrays;

/**
 * Exact solver of the dense linear assignment problem {@code min_sigma sum_i C[i, sigma(i)]}, i.e. exact
 * optimal transport between two uniform empirical laws with the same number of points.
 *
 * <p>Two phases. (1) An epsilon-scaling forward auction (Bertsekas, "The auction algorithm: a distributed
 * relaxation method for the assignment problem", Annals of OR 14, 1988) computes near-optimal column
 * prices; it replaces Jonker-Volgenant's column reduction and augmenting row reduction, which stall in
 * price wars on the near-degenerate costs of a collapsed generator (all rows almost equal: 20x slower).
 * (2) Jonker &amp; Volgenant's shortest augmenting paths ("A shortest augmenting path algorithm for dense
 * and sparse linear assignment problems", Computing 38, 1987) then assign every row from scratch; this
 * phase is exact for any starting prices, so the result is optimal, and the good prices keep the paths
 * short. Instances are stateless; {@link #solve} is thread-safe.
 */
public final class LinearAssignment {

    /** Final auction epsilon, relative to the cost range. */
    private static final double EPS_FINAL = 1e-6;

    /** Division of the auction epsilon between phases. */
    private static final double EPS_FACTOR = 5;

    /**
     * Solves the problem for a row-major {@code n x n} cost matrix (not modified). The result carries the
     * dual variables: the column prices {@code v} of the shortest augmenting paths, which keep every reduced
     * cost {@code c_ij - v_j - u_i} of an assigned row non-negative and zero on its pair, and
     * {@code u_i = c[i, sigma(i)] - v[sigma(i)]}.
     *
     * @param cost {@code cost[i * n + j]} is the cost of matching row i to column j; finite
     * @param n the number of rows and of columns
     */
    public Assignment solve(double[] cost, int n) {
        if (cost.length != (long) n * n) {
            throw new IllegalArgumentException("cost has " + cost.length + " entries, expected " + n + "^2");
        }
        for (double c : cost) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("cost matrix has a non-finite entry: " + c);
            }
        }
        if (n == 0) {
            return new Assignment(new int[0], 0, new double[0], new double[0]);
        }
        State s = new State(cost, n);
        s.auctionPrices();
        Arrays.fill(s.x, -1);
        Arrays.fill(s.y, -1);
        for (int i = 0; i < n; i++) {
            s.augment(i);
        }
        double total = 0;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            int j = s.x[i];
            total += cost[i * n + j];
            u[i] = cost[i * n + j] - s.v[j];
        }
        return new Assignment(s.x, total, u, s.v);
    }

    /** The working arrays of one solve: row and column assignments and column prices (duals). */
    private static final class State {
        final double[] c;
        final int n;
        final int[] x;
        final int[] y;
        final double[] v;
        final int[] cols;
        final int[] pred;
        final double[] d;

        State(double[] c, int n) {
            this.c = c;
            this.n = n;
            x = new int[n];
            y = new int[n];
            v = new double[n];
            cols = new int[n];
            pred = new int[n];
            d = new double[n];
        }

        /**
         * Forward auction with epsilon-scaling (Bertsekas 1988) on the column prices {@code v}: each free row
         * bids for its best column {@code j1} and lowers {@code v[j1]} by the gap to its second-best plus
         * epsilon; epsilon shrinks by {@link #EPS_FACTOR} per phase down to {@link #EPS_FINAL} of the cost
         * range. The prices end near-optimal, so the exact augmentation that follows finds short paths.
         */
        void auctionPrices() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double value : c) {
                lo = Math.min(lo, value);
                hi = Math.max(hi, value);
            }
            double range = hi > lo ? hi - lo : 1.0;
            double eps = range / 4;
            double epsFinal = range * EPS_FINAL;
            int[] queue = cols;
            while (true) {
                Arrays.fill(x, -1);
                Arrays.fill(y, -1);
                for (int i = 0; i < n; i++) {
                    queue[i] = i;
                }
                int head = 0;
                int count = n;
                while (count > 0) {
                    int i = queue[head];
                    head = head + 1 == n ? 0 : head + 1;
                    count--;
                    int prev = bid(i, eps);
                    if (prev >= 0) {
                        queue[(head + count) % n] = prev;
                        count++;
                    }
                }
                if (eps <= epsFinal) {
                    return;
                }
                eps = Math.max(eps / EPS_FACTOR, epsFinal);
            }
        }

        /** Row {@code i} takes its best column; returns the row it displaced, or -1. */
        private int bid(int i, double eps) {
            int row = i * n;
            int j1 = 0;
            double w1 = Double.POSITIVE_INFINITY;
            double w2 = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double w = c[row + j] - v[j];
                if (w < w2) {
                    if (w < w1) {
                        w2 = w1;
                        w1 = w;
                        j1 = j;
                    } else {
                        w2 = w;
                    }
                }
            }
            v[j1] -= (w2 == Double.POSITIVE_INFINITY ? 0 : w2 - w1) + eps;
            int prev = y[j1];
            y[j1] = i;
            x[i] = j1;
            if (prev >= 0) {
                x[prev] = -1;
            }
            return prev;
        }

        /** Augments along a shortest alternating path from free row {@code start}, updating prices. */
        void augment(int start) {
            int end = shortestPath(start);
            int i = -1;
            int j = end;
            while (i != start) {
                i = pred[j];
                y[j] = i;
                int previous = x[i];
                x[i] = j;
                j = previous;
            }
        }

        private int shortestPath(int start) {
            int row = start * n;
            for (int j = 0; j < n; j++) {
                cols[j] = j;
                d[j] = c[row + j] - v[j];
                pred[j] = start;
            }
            int lo = 0;
            int hi = 0;
            int ready = 0;
            int end = -1;
            while (end < 0) {
                if (lo == hi) {
                    ready = lo;
                    hi = collectMinima(lo);
                    for (int k = lo; k < hi; k++) {
                        if (y[cols[k]] < 0) {
                            end = cols[k];
                            break;
                        }
                    }
                }
                if (end < 0) {
                    int[] range = {lo, hi};
                    end = scan(range);
                    lo = range[0];
                    hi = range[1];
                }
            }
            double min = d[cols[lo]];
            for (int k = 0; k < ready; k++) {
                int j = cols[k];
                v[j] += d[j] - min;
            }
            return end;
        }

        /** Moves the columns of minimal distance among {@code cols[lo..]} to the front; returns the new hi. */
        private int collectMinima(int lo) {
            int hi = lo + 1;
            double min = d[cols[lo]];
            for (int k = hi; k < n; k++) {
                int j = cols[k];
                if (d[j] <= min) {
                    if (d[j] < min) {
                        hi = lo;
                        min = d[j];
                    }
                    cols[k] = cols[hi];
                    cols[hi++] = j;
                }
            }
            return hi;
        }

        /**
         * Scans the rows of the columns in {@code [lo, hi)}; returns a free column reached at the current
         * shortest distance (leaving the range as it was, so that the caller's price update uses that
         * distance), or -1 after moving the range past the scanned columns.
         */
        private int scan(int[] range) {
            int lo = range[0];
            int hi = range[1];
            while (lo != hi) {
                int j = cols[lo++];
                int i = y[j];
                double min = d[j];
                int row = i * n;
                double h = c[row + j] - v[j] - min;
                for (int k = hi; k < n; k++) {
                    int jj = cols[k];
                    double reduced = c[row + jj] - v[jj] - h;
                    if (reduced < d[jj]) {
                        d[jj] = reduced;
                        pred[jj] = i;
                        if (reduced == min) {
                            if (y[jj] < 0) {
                                return jj;
                            }
                            cols[k] = cols[hi];
                            cols[hi++] = jj;
                        }
                    }
                }
            }
            range[0] = lo;
            range[1] = hi;
            return -1;
        }
    }
}
