package org.wasserflow.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * All trainable parameters of a network in one flat float buffer, with a gradient buffer of the same
 * layout. Each tensor is a view into both, so an optimiser updates everything in one operation and
 * backpropagation accumulates gradients in place (no allocation on the hot path).
 */
public final class Parameters {

    /** One tensor: its value and its gradient, views of the same shape into the flat buffers. */
    public record Tensor(INDArray value, INDArray grad) { }

    private final INDArray values;
    private final INDArray grads;
    private final List<Tensor> tensors = new ArrayList<>();
    private long used;
    /** For float gradients: as many zeros, copied in by {@link #zeroGrad}. */
    private float[] zeros;

    /**
     * @param shapes the shape {@code [rows, cols]} of each tensor, in order
     * @param dtype the floating-point type of values and gradients
     */
    public Parameters(List<long[]> shapes, DataType dtype) {
        long total = shapes.stream().mapToLong(s -> s[0] * s[1]).sum();
        values = Nd4j.zeros(dtype, total);
        grads = Nd4j.zeros(dtype, total);
        for (long[] s : shapes) {
            long n = s[0] * s[1];
            tensors.add(new Tensor(view(values, n, s), view(grads, n, s)));
            used += n;
        }
    }

    private INDArray view(INDArray flat, long n, long[] shape) {
        return flat.get(NDArrayIndex.interval(used, used + n)).reshape('c', shape[0], shape[1]);
    }

    /** The i-th tensor in the order of the constructor's shapes. */
    public Tensor get(int i) {
        return tensors.get(i);
    }

    /** The flat value buffer {@code [n]}. */
    public INDArray values() {
        return values;
    }

    /** The flat gradient buffer {@code [n]}. */
    public INDArray grads() {
        return grads;
    }

    /** Sets every gradient to zero (float: by copying zeros into the buffer, without an ND4J op). */
    public void zeroGrad() {
        if (grads.dataType() == DataType.FLOAT) {
            if (zeros == null) {
                zeros = new float[(int) grads.length()];
            }
            Kernels.write(grads, zeros, zeros.length);
        } else {
            grads.assign(0);
        }
    }

    /** The number of scalar parameters. */
    public long size() {
        return values.length();
    }
}
