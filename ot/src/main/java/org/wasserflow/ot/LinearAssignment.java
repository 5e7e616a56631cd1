package org.wasserflow.ot;

import java.util.Arrays;

/**
 * Exact solver of the dense linear assignment problem {@code min_sigma sum_i C[i, sigma(i)]}, i.e. exact
 * optimal transport between two uniform empirical laws with the same number of points.
 *
 * <p>Jonker &amp; Volgenant, "A shortest augmenting path algorithm for dense and sparse linear assignment
 * problems", Computing 38 (1987): column reduction with reduction transfer, two rounds of augmenting row
 * reduction, then Dijkstra-style shortest augmenting paths on reduced costs. O(n^3) in the worst case,
 * far less on the Euclidean costs used here. Instances are stateless; {@link #solve} is thread-safe.
 */
public final class LinearAssignment {

    /**
     * Solves the problem for a row-major {@code n x n} cost matrix (not modified).
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
            return new Assignment(new int[0], 0);
        }
        State s = new State(cost, n);
        int free = s.columnReduction();
        for (int round = 0; round < 2 && free > 0; round++) {
            free = s.augmentingRowReduction(free);
        }
        for (int k = 0; k < free; k++) {
            s.augment(s.freeRows[k]);
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += cost[i * n + s.x[i]];
        }
        return new Assignment(s.x, total);
    }

    /** The working arrays of one solve: row and column assignments and column prices (duals). */
    private static final class State {
        final double[] c;
        final int n;
        final int[] x;
        final int[] y;
        final double[] v;
        final int[] freeRows;
        final int[] cols;
        final int[] pred;
        final double[] d;

        State(double[] c, int n) {
            this.c = c;
            this.n = n;
            x = new int[n];
            y = new int[n];
            v = new double[n];
            freeRows = new int[n];
            cols = new int[n];
            pred = new int[n];
            d = new double[n];
        }

        /** Column reduction and reduction transfer; returns the number of free rows. */
        int columnReduction() {
            Arrays.fill(x, -1);
            Arrays.fill(v, Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    if (c[row + j] < v[j]) {
                        v[j] = c[row + j];
                        y[j] = i;
                    }
                }
            }
            boolean[] unique = new boolean[n];
            Arrays.fill(unique, true);
            for (int j = n - 1; j >= 0; j--) {
                int i = y[j];
                if (x[i] < 0) {
                    x[i] = j;
                } else {
                    unique[i] = false;
                    y[j] = -1;
                }
            }
            int free = 0;
            for (int i = 0; i < n; i++) {
                if (x[i] < 0) {
                    freeRows[free++] = i;
                } else if (unique[i]) {
                    int j = x[i];
                    double min = Double.POSITIVE_INFINITY;
                    int row = i * n;
                    for (int j2 = 0; j2 < n; j2++) {
                        if (j2 != j && c[row + j2] - v[j2] < min) {
                            min = c[row + j2] - v[j2];
                        }
                    }
                    if (min < Double.POSITIVE_INFINITY) {
                        v[j] -= min;
                    }
                }
            }
            return free;
        }

        /** One round of augmenting row reduction over the free rows; returns the rows still free. */
        int augmentingRowReduction(int free) {
            int current = 0;
            int newFree = 0;
            long rounds = 0;
            while (current < free) {
                rounds++;
                int i = freeRows[current++];
                int row = i * n;
                int j1 = 0;
                double u1 = c[row] - v[0];
                int j2 = -1;
                double u2 = Double.POSITIVE_INFINITY;
                for (int j = 1; j < n; j++) {
                    double h = c[row + j] - v[j];
                    if (h < u2) {
                        if (h >= u1) {
                            u2 = h;
                            j2 = j;
                        } else {
                            u2 = u1;
                            u1 = h;
                            j2 = j1;
                            j1 = j;
                        }
                    }
                }
                int i0 = y[j1];
                double lowered = v[j1] - (u2 - u1);
                boolean lowers = lowered < v[j1];
                if (rounds < (long) current * n) {
                    if (lowers) {
                        v[j1] = lowered;
                    } else if (i0 >= 0 && j2 >= 0) {
                        j1 = j2;
                        i0 = y[j2];
                    }
                    if (i0 >= 0) {
                        if (lowers) {
                            freeRows[--current] = i0;
                        } else {
                            freeRows[newFree++] = i0;
                        }
                    }
                } else if (i0 >= 0) {
                    freeRows[newFree++] = i0;
                }
                x[i] = j1;
                y[j1] = i;
            }
            return newFree;
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
