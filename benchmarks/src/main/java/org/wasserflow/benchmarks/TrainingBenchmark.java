package org.wasserflow.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.wasserflow.api.Pair;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.flow.Components;
import org.wasserflow.flow.config.ConfigLoader;

/**
 * A training iteration of the default config and its steps, built exactly as {@code wasserflow run} builds them
 * ({@link Components#build}), average time per call:
 *
 * <ul>
 *   <li>{@link #iteration}: one {@code FlowTrainer.iterate()}: {@code critic.steps} critic updates on fresh pairs,
 *       an integrator step of a fresh generated batch and {@code flow.K} generator regression steps;
 *   <li>{@link #criticStep}: one critic update ({@code PotentialEstimator.fit} with {@code critic.steps=1}) on a
 *       fixed pair of {@code flow.batch} generated and data points;
 *   <li>{@link #generatorStep}: one generator regression step ({@code Generator.regress}) towards a fixed target;
 *   <li>{@link #generate}: the generator's forward pass on a fixed source batch.
 * </ul>
 *
 * <p>The config is the file named by the system property {@code wasserflow.config}, by default
 * {@code configs/ring-w2.properties} relative to the working directory: run from the repository root. Setup
 * trains {@value #WARMUP_ITERATIONS} iterations (the networks are built on first use), saves the state, and every
 * measurement iteration starts again from that state, so that all of them time the same weights. Run with
 * {@code OMP_NUM_THREADS=1} (README, Microbenchmarks).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.cachedir=target/javacpp"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingBenchmark {

    /** Training iterations run in setup before anything is timed. */
    static final int WARMUP_ITERATIONS = 3;

    /**
     * Builds the components of the configured file with {@code overrides} and trains {@value #WARMUP_ITERATIONS}
     * iterations.
     */
    static Components warmedUp(List<String> overrides) {
        OpenMp.requireThreadsSet();
        Path config = Path.of(System.getProperty("wasserflow.config", "configs/ring-w2.properties"));
        Map<String, String> values = new ConfigLoader().load(config, overrides);
        Components c = Components.build(values, TrainingBenchmark.class.getClassLoader(), List.of());
        for (int i = 0; i < WARMUP_ITERATIONS; i++) {
            c.trainer().iterate();
        }
        return c;
    }

    /** One training iteration of the default config. */
    @Benchmark
    public Map<String, Double> iteration(Trained t) {
        return t.c.trainer().iterate();
    }

    /** One critic update on a fixed pair, with {@code critic.steps=1}. */
    @Benchmark
    public Map<String, Double> criticStep(OneCriticStep s) {
        return s.potential.fit(() -> s.pair);
    }

    /** One generator regression step towards a fixed target, the loss before the step. */
    @Benchmark
    public double generatorStep(Trained t) {
        return t.c.generator().regress(t.z, t.target);
    }

    /** The generator's forward pass on {@code flow.batch} source points. */
    @Benchmark
    public INDArray generate(Trained t) {
        return t.c.generator().generate(t.z);
    }

    /**
     * The components of the configured file after {@value #WARMUP_ITERATIONS} training iterations, a fixed source
     * batch of {@code flow.batch} points and a fixed regression target near its image.
     */
    @State(Scope.Thread)
    public static class Trained {

        private Components c;
        private Map<String, INDArray> trained;
        private INDArray z;
        private INDArray target;

        /** Builds and warms up the components, then draws the batch and the target. */
        @Setup(Level.Trial)
        public void build() {
            c = warmedUp(List.of());
            trained = c.trainer().state();
            Random rng = Nd4j.getRandomFactory().getNewRandomInstance(21);
            z = c.problem().source(c.flow().batch());
            INDArray noise = Nd4j.randn(rng, new long[] {z.rows(), z.columns()}).castTo(DataType.FLOAT);
            target = c.generator().generate(z).addi(noise.muli(0.05));
        }

        /** Returns the generator, the estimator and the training streams to their state after setup. */
        @Setup(Level.Iteration)
        public void reset() {
            c.trainer().restore(trained);
        }
    }

    /**
     * The estimator of the configured file with {@code critic.steps=1}, after {@value #WARMUP_ITERATIONS} training
     * iterations, and a fixed pair: a generated batch and a data batch of {@code flow.batch} points.
     */
    @State(Scope.Thread)
    public static class OneCriticStep {

        private PotentialEstimator potential;
        private Map<String, INDArray> trained;
        private Pair pair;

        /** Builds and warms up the components, then draws the pair. */
        @Setup(Level.Trial)
        public void build() {
            Components c = warmedUp(List.of("critic.steps=1"));
            potential = c.potential();
            trained = potential.state();
            int m = c.flow().batch();
            pair = new Pair(c.generator().generate(c.problem().source(m)), c.problem().data(m));
        }

        /** Returns the estimator to its state after setup. */
        @Setup(Level.Iteration)
        public void reset() {
            potential.restore(trained);
        }
    }
}
