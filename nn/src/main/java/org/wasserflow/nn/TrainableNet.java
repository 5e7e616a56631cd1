package org.wasserflow.nn;

import org.nd4j.linalg.api.rng.Random;

/**
 * An {@link Mlp} with its optimiser and one reusable {@link Tape} per named role and batch size,
 * so that a training step allocates no large buffers.
 */
public final class TrainableNet {

    private final Mlp net;
    private final Optimizer optimizer;
    private final Tapes tapes;

    /** A float network initialised from {@code rng}. */
    public TrainableNet(MlpSpec spec, OptimizerConfig optimizer, Random rng) {
        this(new Mlp(spec, rng), optimizer);
    }

    /** Trains an existing network. */
    public TrainableNet(Mlp net, OptimizerConfig optimizer) {
        this.net = net;
        this.tapes = new Tapes(net);
        this.optimizer = Scratch.outside(() -> optimizer.create(net.parameters()));
    }

    /** The network. */
    public Mlp net() {
        return net;
    }

    /** The tape for {@code role} with {@code rows} rows, created on first use and reused afterwards. */
    public Tape tape(String role, int rows) {
        return tapes.get(role, rows);
    }

    /** One optimiser step with the gradient accumulated since the last step. */
    public void step() {
        optimizer.step();
    }
}
