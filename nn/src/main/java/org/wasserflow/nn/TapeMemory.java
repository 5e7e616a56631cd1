package org.wasserflow.nn;

import java.util.Arrays;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Setting;

/**
 * The memory of MLPs as {@link Tape} and {@link Parameters} allocate it, for the memory estimates of the plugins
 * built on {@link Mlp} (a change to what a tape holds belongs here too). Float tensors, 4 bytes an entry.
 */
public final class TapeMemory {

    private static final long FLOAT = 4;

    private TapeMemory() {
    }

    /**
     * {@code count} tapes of an MLP {@code in -> hidden -> out} at {@code rows} rows: off-heap, per hidden layer of
     * width {@code w}, six float {@code [rows, w]} arrays (pre-activation, ReLU output, mask, two backward
     * scratches, the input-gradient chain), seven with batch norm (its output), plus the output
     * {@code [rows, out]}, the input gradient {@code [rows, in]} and a column of ones; on the heap three
     * {@code float[rows * widest]} scratches of the fused kernels, {@code widest} the widest hidden or output layer. The {@code [1, w]} batch-norm statistics are
     * not counted.
     *
     * @param what what the tapes are, for the message
     * @param key the key that drives them
     */
    public static MemoryPart tapes(String what, String key, int count, long rows, int in, int[] hidden, int out, boolean batchNorm) {
        long widths = Arrays.stream(hidden).asLongStream().sum();
        long widest = Tape.scratchWidth(hidden, out);
        long off = FLOAT * rows * ((batchNorm ? 7 : 6) * widths + out + in + 1);
        long heap = 3 * FLOAT * rows * widest;
        return new MemoryPart(what, key, count * heap, count * off, rows * widest);
    }

    /** The parameter count of an MLP {@code in -> hidden -> out}: weights and biases, or weights, gamma and beta with batch norm. */
    public static long parameters(int in, int[] hidden, int out, boolean batchNorm) {
        long total = 0;
        long fanIn = in;
        for (int w : hidden) {
            total += fanIn * w + (batchNorm ? 2L : 1L) * w;
            fanIn = w;
        }
        return total + fanIn * out + out;
    }

    /**
     * The parameters of {@code nets} such MLPs with their optimiser: four floats each off-heap (value, gradient,
     * Adam's two moments).
     */
    public static MemoryPart parameters(String what, String key, int nets, int in, int[] hidden, int out, boolean batchNorm) {
        return new MemoryPart(what, key, 0, nets * 4 * FLOAT * parameters(in, hidden, out, batchNorm), 0);
    }

    /**
     * The key that drives a network's per-row buffers: the batch ({@link RunShape#BATCH}), or {@code widths} when
     * the configured {@code hidden} widths exceed that setting's default by a larger factor than the batch exceeds
     * its own.
     */
    public static String drivingKey(RunShape shape, Setting<int[]> widths, int[] hidden) {
        double widthGrowth = (double) Arrays.stream(hidden).asLongStream().sum()
                / Arrays.stream(widths.defaultValue()).asLongStream().sum();
        return widthGrowth > shape.batchGrowth() ? widths.key() : RunShape.BATCH;
    }
}
