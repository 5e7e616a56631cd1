package org.wasserflow.ot;

/**
 * An optimal assignment between two equal-size point clouds.
 *
 * @param rowToCol {@code rowToCol[i]} is the column (data point) matched to row {@code i}
 * @param totalCost the sum of the matched costs
 */
public record Assignment(int[] rowToCol, double totalCost) {

    public Assignment {
        rowToCol = rowToCol.clone();
    }

    @Override
    public int[] rowToCol() {
        return rowToCol.clone();
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
