/**
 * JMH microbenchmarks: the passes of the critic and generator networks ({@link org.wasserflow.benchmarks.MlpBenchmark})
 * and a training iteration of the default config with its steps ({@link org.wasserflow.benchmarks.TrainingBenchmark}).
 *
 * <p>{@code mvn -q -DskipTests package} from the repository root builds {@code benchmarks/target/benchmarks.jar},
 * with its libraries in {@code benchmarks/target/lib}. Run it from the repository root (the training benchmarks read
 * {@code configs/ring-w2.properties}, or the file named by {@code -Dwasserflow.config=...}) with
 * {@code OMP_NUM_THREADS=1} exported, which the forked JVMs inherit and every benchmark's setup requires:
 * {@code OMP_NUM_THREADS=1 java -jar benchmarks/target/benchmarks.jar}, or a single one by name, e.g.
 * {@code MlpBenchmark.forward}. The forks extract ND4J's native libraries to {@code target/javacpp}, as the
 * {@code wasserflow} launcher does.
 */
package org.wasserflow.benchmarks;
