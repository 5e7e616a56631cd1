package org.wasserflow.benchmarks;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.MlpSpec;
import org.wasserflow.nn.Tape;

/**
 * The passes of the two networks of the default ring config on one batch of {@value #ROWS} rows, average time
 * per call. The critic is the potential network {@code 2 -> 128 -> 128 -> 128 -> 1} (plain ReLU, weights
 * {@code N(0, 0.1^2)}); the generator is {@code G(z) = z + MLP(z)}, {@code 2 -> 128 x 3 -> 2} with batch norm
 * (weights {@code N(0, 0.01^2)}).
 *
 * <ul>
 *   <li>{@link #forward}: the critic's forward pass {@code f(x)};
 *   <li>{@link #backward}: the critic's parameter gradient of a loss given {@code dLoss/df}, after a forward
 *       pass done in setup;
 *   <li>{@link #inputGradient}: the critic's input gradient {@code grad_x f(x)} at the inputs of that forward pass;
 *   <li>{@link #backwardInputGradient}: the double backward pass, the parameter gradient of a loss written in
 *       {@code grad_x f}, after the input gradient done in setup;
 *   <li>{@link #generatorForward} and {@link #generatorBackward}: the generator's forward pass and parameter
 *       gradient (batch norm with batch statistics).
 * </ul>
 *
 * <p>Inputs and weights come from fixed seeds. The backward passes accumulate into the networks' gradient
 * buffers, which are cleared before every iteration; no optimiser step is taken, so every call sees the same
 * weights and activations. Run with {@code OMP_NUM_THREADS=1} (README, Microbenchmarks).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.cachedir=target/javacpp"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MlpBenchmark {

    /** The default config's batch, {@code flow.batch}. */
    static final int ROWS = 512;

    private Mlp critic;
    private Tape criticTape;
    private Mlp generator;
    private Tape generatorTape;
    private INDArray x;
    private INDArray z;
    private INDArray dOut;
    private INDArray u;
    private INDArray generatorDOut;

    /** Builds both networks and their inputs from fixed seeds, then runs the passes the backward ones need. */
    @Setup(Level.Trial)
    public void build() {
        OpenMp.requireThreadsSet();
        critic = new Mlp(new MlpSpec(2, new int[] {128, 128, 128}, 1, MlpSpec.Norm.NONE, false, 0.1),
                Nd4j.getRandomFactory().getNewRandomInstance(11));
        generator = new Mlp(new MlpSpec(2, new int[] {128, 128, 128}, 2, MlpSpec.Norm.BATCH, true, 0.01),
                Nd4j.getRandomFactory().getNewRandomInstance(12));
        criticTape = critic.newTape(ROWS);
        generatorTape = generator.newTape(ROWS);
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(13);
        x = gaussian(rng, ROWS, 2);
        z = gaussian(rng, ROWS, 2).muli(0.05);
        dOut = gaussian(rng, ROWS, 1).divi(ROWS);
        u = gaussian(rng, ROWS, 2).divi(ROWS);
        generatorDOut = gaussian(rng, ROWS, 2).divi(ROWS);
        critic.forward(criticTape, x);
        critic.inputGradient(criticTape);
        generator.forward(generatorTape, z);
    }

    /** Clears the gradient buffers the backward passes accumulate into. */
    @Setup(Level.Iteration)
    public void zeroGradients() {
        critic.parameters().zeroGrad();
        generator.parameters().zeroGrad();
    }

    private static INDArray gaussian(Random rng, int rows, int cols) {
        return Nd4j.randn(rng, new long[] {rows, cols}).castTo(DataType.FLOAT);
    }

    /** The critic's forward pass on {@value #ROWS} rows. */
    @Benchmark
    public INDArray forward() {
        return critic.forward(criticTape, x);
    }

    /** The critic's parameter gradient given {@code dLoss/df}, at the forward pass of setup. */
    @Benchmark
    public INDArray backward() {
        critic.backward(criticTape, dOut);
        return critic.parameters().grads();
    }

    /** The critic's input gradient {@code grad_x f} at the forward pass of setup. */
    @Benchmark
    public INDArray inputGradient() {
        return critic.inputGradient(criticTape);
    }

    /** Double backpropagation: the parameter gradient of {@code <U, grad_x f>}, at the input gradient of setup. */
    @Benchmark
    public INDArray backwardInputGradient() {
        critic.backwardInputGradient(criticTape, u);
        return critic.parameters().grads();
    }

    /** The generator's forward pass {@code z + MLP(z)} on {@value #ROWS} rows, batch norm with batch statistics. */
    @Benchmark
    public INDArray generatorForward() {
        return generator.forward(generatorTape, z);
    }

    /** The generator's parameter gradient given {@code dLoss/dG}, at the forward pass of setup. */
    @Benchmark
    public INDArray generatorBackward() {
        generator.backward(generatorTape, generatorDOut);
        return generator.parameters().grads();
    }
}
