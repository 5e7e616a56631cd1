package org.wasserflow.ot;

/**
 * An optimal assignment between two equal-size point clouds, with an optimal solution of the dual linear
 * program: {@code u_i + v_j <= c_ij} for every pair, with equality on the assigned pairs
 * {@code (i, rowToCol[i])}, so that {@code sum_i u_i + sum_j v_j} equals the total cost (up to rounding).
 *
 * @param rowToCol {@code rowToCol[i]} is the column (data point) matched to row {@code i}
 * @param totalCost the sum of the matched costs
 * @param rowDuals the row potentials {@code u}, one per row
 * @param colDuals the column potentials {@code v}, one per column
 */
public record Assignment(int[] rowToCol, double totalCost, double[] rowDuals, double[] colDuals) {

    public Assignment {
        if (rowDuals.length != rowToCol.length || colDuals.length != rowToCol.length) {
            throw new IllegalArgumentException("one dual variable per row and per column expected: " + rowToCol.length
                    + " rows, " + rowDuals.length + " row and " + colDuals.length + " column duals");
        }
        rowToCol = rowToCol.clone();
        rowDuals = rowDuals.clone();
        colDuals = colDuals.clone();
    }

    @Override
    public int[] rowToCol() {
        return rowToCol.clone();
    }

    @Override
    public double[] rowDuals() {
        return rowDuals.clone();
    }

    @Override
    public double[] colDuals() {
        return colDuals.clone();
    }

    /** The column matched to row {@code i}. */
    public int colOf(int i) {
        return rowToCol[i];
    }

    /** The mean matched cost, i.e. the transport cost between the two uniform empirical laws. */
    public double meanCost() {
        return totalCost / rowToCol.length;
    }
}
