package org.wasserflow.w2;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wasserflow.nn.FloatRows;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.Scratch;
import org.wasserflow.nn.Tape;

/**
 * The network passes of one potential {@code f} of the W2 dual (phi: own points {@code y}; psi: {@code x}) on
 * one tape whose rows hold, one block of {@code m} after the other, its own points, its interpolants (when
 * penalised) and the other side's mapped points (with the equality terms). The blocks are evaluated when
 * their inputs are known ({@link #own}, then {@link #cross}) and differentiated together by one backward pass
 * ({@link #backward}), so the parameter gradient of all terms takes four large matrix products. Every phase
 * returns what the next needs and writes only this side's preallocated buffers. Not thread-safe.
 */
final class DualSide {

    private final Mlp net;
    private final W2DualConfig cfg;
    private Tape tape;
    private INDArray input;
    /** Row blocks of {@code input}: own points, interpolants (or null), the other side's mapped points (or null). */
    private INDArray ownRows;
    private INDArray interpolantRows;
    private INDArray mappedRows;
    private INDArray mapped;
    private INDArray dOut;
    private INDArray dGrad;
    private int m;

    DualSide(Mlp net, W2DualConfig cfg) {
        this.net = net;
        this.cfg = cfg;
    }

    /**
     * Phase 0: {@code f} on the own points {@code p} and, with the equality terms, its input gradient there.
     *
     * @param p {@code [m, d]} own points
     * @param q {@code [m, d]} the other side's points
     * @param w {@code [m, 1]} interpolation weights: this side's interpolants are {@code w p + (1 - w) q}
     * @return the mapped points {@code p - grad f(p)} that the other side evaluates, or null without equality terms
     */
    INDArray own(INDArray p, INDArray q, INDArray w) {
        allocate(p.rows(), p.columns());
        FloatRows.copy(p, ownRows);
        if (cfg.interpolants()) {
            FloatRows.interpolate(p, q, w, interpolantRows);
        }
        net.forward(tape, input, 0, m);
        if (!cfg.equality()) {
            return null;
        }
        return FloatRows.subtract(p, net.inputGradient(tape.rows(0, m)), mapped);
    }

    /**
     * Phase 1: {@code f} on the interpolants and on the other side's mapped points, with its input gradient
     * there; returns everything the combine step needs from this side.
     *
     * @param otherMapped the other side's mapped points from {@link #own}, or null without equality terms
     */
    DualTerms.SideValues cross(INDArray otherMapped) {
        int mappedFrom = cfg.interpolants() ? 2 * m : m;
        if (cfg.equality()) {
            FloatRows.copy(otherMapped, mappedRows);
        }
        int total = tape.rows();
        if (total > m) {
            net.forward(tape, input, m, total);
        }
        if (cfg.equality()) {
            net.inputGradient(tape.rows(mappedFrom, total));
        }
        double[] out = read(tape.output());
        double[] own = Arrays.copyOfRange(out, 0, m);
        double[] interpolated = cfg.interpolants() ? Arrays.copyOfRange(out, m, 2 * m) : null;
        double[] interpolants = cfg.interpolants() ? read(interpolantRows) : null;
        if (!cfg.equality()) {
            return new DualTerms.SideValues(own, interpolated, interpolants, null, null, null);
        }
        int d = input.columns();
        double[] grads = read(tape.inputGradient());
        return new DualTerms.SideValues(own, interpolated, interpolants, Arrays.copyOfRange(grads, 0, m * d),
                Arrays.copyOfRange(out, mappedFrom, mappedFrom + m), Arrays.copyOfRange(grads, mappedFrom * d, (mappedFrom + m) * d));
    }

    /** Phase 2: adds the parameter gradient of {@code -L_D}, given its gradient in this side's values, to the network's buffer. */
    void backward(DualTerms.SideGradients g) {
        double[] d = new double[tape.rows()];
        System.arraycopy(g.dOwn(), 0, d, 0, m);
        if (cfg.interpolants()) {
            System.arraycopy(g.dInterpolated(), 0, d, m, m);
        }
        if (cfg.equality()) {
            System.arraycopy(g.dOnMapped(), 0, d, d.length - m, m);
        }
        net.backward(tape, write(dOut, d));
        if (cfg.equality()) {
            net.backwardInputGradient(tape.rows(0, m), write(dGrad, g.dGrad()));
        }
    }

    private void allocate(int rows, int dim) {
        if (input != null && rows == m && input.columns() == dim) {
            return;
        }
        m = rows;
        int blocks = 1 + (cfg.interpolants() ? 1 : 0) + (cfg.equality() ? 1 : 0);
        DataType type = net.parameters().values().dataType();
        Scratch.outside(() -> {
            tape = net.newTape(blocks * m);
            input = Nd4j.create(type, blocks * m, dim);
            mapped = Nd4j.create(type, m, dim);
            dOut = Nd4j.create(type, blocks * m, 1);
            dGrad = Nd4j.create(type, m, dim);
            ownRows = rows(input, 0);
            interpolantRows = cfg.interpolants() ? rows(input, m) : null;
            mappedRows = cfg.equality() ? rows(input, cfg.interpolants() ? 2 * m : m) : null;
            return null;
        });
    }

    /** The block of {@code m} rows of {@code a} that starts at {@code from}. */
    private INDArray rows(INDArray a, int from) {
        return a.get(NDArrayIndex.interval(from, from + m), NDArrayIndex.all());
    }

    /** The elements of {@code a} in row-major order. */
    static double[] read(INDArray a) {
        if (a.ordering() != 'c' || !Shape.hasDefaultStridesForShape(a)) {
            return a.dup('c').data().asDouble();
        }
        int n = (int) a.length();
        double[] out = new double[n];
        if (a.dataType() == DataType.FLOAT) {
            float[] f = new float[n];
            a.data().asNioFloat().get((int) a.offset(), f, 0, n);
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        } else {
            a.data().asNioDouble().get((int) a.offset(), out, 0, n);
        }
        return out;
    }

    /** Writes {@code values} (row-major) into the dense buffer {@code a} in its own type; returns {@code a}. */
    private static INDArray write(INDArray a, double[] values) {
        int n = values.length;
        if (a.dataType() == DataType.FLOAT) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) values[i];
            }
            FloatBuffer b = a.data().asNioFloat();
            b.put((int) a.offset(), f, 0, n);
        } else {
            DoubleBuffer b = a.data().asNioDouble();
            b.put((int) a.offset(), values, 0, n);
        }
        return a;
    }
}
