package org.wasserflow.api;

/**
 * The sizes of a run that a plugin's {@link MemoryEstimator} needs beyond its own settings, known before training
 * (the laws are constructed, nothing else is).
 *
 * @param dimension the dimension d of the data
 * @param batch the training batch size m ({@value #BATCH}): generated and data batches have m rows each
 * @param defaultBatch the default of {@value #BATCH}, so that an estimate can tell whether the batch or its own
 *     widths grew more and name that key
 * @param evalSource the points of the source evaluation set ({@value #EVAL_SOURCE}; every row of a finite source law
 *     when that key is 0), pushed through the generator at once
 * @param evalData the points of the data evaluation set ({@value #EVAL_DATA}, likewise)
 */
public record RunShape(int dimension, int batch, int defaultBatch, int evalSource, int evalData) {

    /** The key of the training batch size, for {@link MemoryPart#key()}. */
    public static final String BATCH = "flow.batch";
    /** The key of the source evaluation set's size. */
    public static final String EVAL_SOURCE = "eval.source_size";
    /** The key of the data evaluation set's size. */
    public static final String EVAL_DATA = "eval.data_size";

    /** Checks that every size is positive. */
    public RunShape {
        if (dimension < 1 || batch < 1 || defaultBatch < 1 || evalSource < 1 || evalData < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + dimension + ", " + batch + ", " + defaultBatch + ", "
                    + evalSource + ", " + evalData);
        }
    }

    /** The batch over its default: how much larger than usual the per-row buffers are. */
    public double batchGrowth() {
        return (double) batch / defaultBatch;
    }

    /** The larger evaluation set's size. */
    public int largerEval() {
        return Math.max(evalSource, evalData);
    }

    /** The key of the larger evaluation set ({@value #EVAL_SOURCE} on a tie). */
    public String largerEvalKey() {
        return evalSource >= evalData ? EVAL_SOURCE : EVAL_DATA;
    }
}
