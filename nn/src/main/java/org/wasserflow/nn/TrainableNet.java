package org.wasserflow.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    /**
     * The parameters ({@code <prefix>.parameters}), the optimiser's state ({@code <prefix>.optimizer.<name>})
     * and, with batch norm, the running statistics ({@link RunningStatistics#state}), copies, for checkpoints.
     */
    public Map<String, INDArray> state(String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(prefix + ".parameters", net.parameters().values().dup());
        optimizer.state().forEach((k, v) -> out.put(prefix + ".optimizer." + k, v));
        net.runningStatistics().ifPresent(r -> out.putAll(r.state(prefix)));
        return out;
    }

    /** Continues from what {@link #state} returned under the same prefix. */
    public void restore(String prefix, Map<String, INDArray> state) {
        net.parameters().values().assign(States.require(state, prefix + ".parameters", net.parameters().values().shape()));
        net.runningStatistics().ifPresent(r -> r.restore(prefix, state));
        Map<String, INDArray> own = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith(prefix + ".optimizer.")) {
                own.put(k.substring((prefix + ".optimizer.").length()), v);
            }
        });
        optimizer.restore(own);
    }

    /** One optimiser step with the gradient accumulated since the last step. */
    public void step() {
        optimizer.step();
    }
}
