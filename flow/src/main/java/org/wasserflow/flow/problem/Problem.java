package org.wasserflow.flow.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.SplittableRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Law;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Seed;
import org.wasserflow.api.SeededStream;
import org.wasserflow.flow.checkpoint.StateMaps;

/**
 * A problem composed in configuration: a source law the generator pushes forward ({@code source=}), a data
 * law it is trained towards ({@code data=}), an optional law for the evaluation data ({@code eval_data=},
 * default the data law, e.g. a test split) and a list of metrics ({@code metrics=}). Training batches come from
 * one stream per law ({@link LawStream}: finite laws without replacement within an epoch). The evaluation sets
 * are drawn once, stratified for mixtures: the source set, the data set, and a reference set from the data
 * law of the source set's size, independent of the data set, for floors and baselines. When the data set comes
 * from a finite data law, it and the reference set are drawn from one shuffle, so they share no row while
 * the rows last. Every random stream is
 * derived from the run's seed by name.
 */
public final class Problem {

    /**
     * The laws of the problem, by role.
     *
     * @param source the source law
     * @param data the data law
     * @param evalData the law of the evaluation data (the data law unless {@code eval_data} is set)
     */
    public record Laws(Law source, Law data, Law evalData) { }

    private final Laws laws;
    private final Map<String, Metric> metrics;
    private volatile Map<String, List<String>> columns = Map.of();
    private final LawStream sourceTrain;
    private final LawStream dataTrain;
    private final Sample evalSource;
    private final Sample evalData;
    private final Sample reference;
    private final long metricSeed;

    /**
     * @param metrics the selected metrics by the names they are registered under (their descriptors'), in the
     *     order their columns appear
     * @param eval the evaluation sizes
     */
    public Problem(Laws laws, Map<String, Metric> metrics, EvaluationConfig eval, Seed seed) {
        this.laws = laws;
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        this.sourceTrain = new LawStream(laws.source(), seed.stream("source.train"));
        this.dataTrain = new LawStream(laws.data(), seed.stream("data.train"));
        this.evalSource = fixedSet(laws.source(), eval.sourceSize(), seed.stream("source.eval"));
        if (laws.evalData() == laws.data() && laws.data().size().isPresent()) {
            int rows = laws.data().size().getAsInt();
            int size = eval.dataSize() == 0 ? rows : eval.dataSize();
            LawStream split = new LawStream(laws.data(), seed.stream("data.eval"));
            this.evalData = split.nextSample(size);
            this.reference = split.nextSample(evalSource.size());
            if (size + evalSource.size() > rows) {
                LoggerFactory.getLogger(Problem.class).warn("the data has {} rows, fewer than the {} + {} of the evaluation and reference "
                        + "sets: they share rows, so the floors are underestimated; lower eval.data_size and eval.source_size, or set eval_data",
                        rows, size, evalSource.size());
            }
        } else {
            this.evalData = fixedSet(laws.evalData(), eval.dataSize(), seed.stream("data.eval"));
            this.reference = fixedSet(laws.data(), evalSource.size(), seed.stream("data.reference"));
        }
        this.metricSeed = seed.derive("metrics");
    }

    /** A fixed set: every row of a finite law for size 0, else {@code size} rows, stratified for mixtures. */
    private static Sample fixedSet(Law law, int size, SeededStream rng) {
        if (law.size().isPresent()) {
            int n = size == 0 ? law.size().getAsInt() : size;
            return new LawStream(law, rng).nextSample(n);
        }
        return law.stratified(size == 0 ? 2000 : size, rng);
    }

    /** The laws. */
    public Laws laws() {
        return laws;
    }

    /** {@code m} fresh source points {@code [m, d]}. */
    public INDArray source(int m) {
        return sourceTrain.next(m);
    }

    /** {@code m} fresh data points {@code [m, d]}. */
    public INDArray data(int m) {
        return dataTrain.next(m);
    }

    /** The number of source points {@link #evaluate} pushes through the generator at once. */
    public int evaluationBatch() {
        return evalSource.size();
    }

    /** The sizes of the source and data evaluation sets. */
    public int[] evaluationSizes() {
        return new int[] {evalSource.size(), evalData.size()};
    }

    /**
     * Every metric's columns for the generator's inference map ({@link Generator#infer}), in the order of {@code metrics}. The metrics are independent and
     * run in parallel (the common fork-join pool and the caller: both cores on this project's machines); each is
     * given its own random stream, split in order from the run's metric seed, so the values do not depend on
     * the order in which they run.
     */
    public Map<String, Double> evaluate(Generator generator) {
        INDArray generated = generator.infer(evalSource.points());
        SplittableRandom streams = new SplittableRandom(metricSeed);
        List<Map.Entry<String, SplittableRandom>> jobs = new ArrayList<>();
        metrics.keySet().forEach(m -> jobs.add(Map.entry(m, streams.split())));
        List<Map<String, Double>> values = jobs.parallelStream()
                .map(j -> metrics.get(j.getKey()).evaluate(new Evaluation(evalSource, generated, evalData, reference, laws.data().mixture(),
                        j.getValue())))
                .toList();
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach(out::putAll);
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            owners.put(jobs.get(i).getKey(), List.copyOf(values.get(i).keySet()));
        }
        columns = owners;
        return out;
    }

    /**
     * Each metric's name with the columns it gave at the last {@link #evaluate} (e.g. {@code modes} to
     * {@code hq_fraction, modes_covered}), in the order of {@code metrics}; empty before the first evaluation.
     */
    public Map<String, List<String>> columns() {
        return columns;
    }

    /** Which way the metric column {@code column} improves: the exception a metric declares for it, else lower. */
    public Metric.Better better(String column) {
        return metrics.values().stream().map(m -> m.better(column)).filter(b -> b != Metric.Better.LOWER).findFirst()
                .orElse(Metric.Better.LOWER);
    }

    /**
     * The run's verdict in words: the phrases of the metrics ({@link Metric#verdict}) for {@code row}, the
     * columns of an evaluation, joined by {@code ; } in the order of the metrics; {@code no metric gives a verdict}
     * when none has a phrase.
     */
    public String verdict(Map<String, Double> row) {
        List<String> phrases = metrics.entrySet().stream().flatMap(m -> m.getValue().verdict(m.getKey(), row).stream()).toList();
        return phrases.isEmpty() ? "no metric gives a verdict" : String.join("; ", phrases);
    }

    /** The training streams' state ({@code source.*}, {@code data.*}), for checkpoints; the fixed sets follow from the seed. */
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        StateMaps.putPrefixed(out, "source.", sourceTrain.state());
        StateMaps.putPrefixed(out, "data.", dataTrain.state());
        return out;
    }

    /** Continues the training streams from what {@link #state} returned. */
    public void restore(Map<String, INDArray> state) {
        sourceTrain.restore(within(state, "source."));
        dataTrain.restore(within(state, "data."));
    }

    private static Map<String, INDArray> within(Map<String, INDArray> state, String prefix) {
        Map<String, INDArray> out = StateMaps.within(state, prefix);
        if (!out.containsKey("rng")) {
            throw new IllegalArgumentException("the checkpoint has no state for the " + prefix + " stream");
        }
        return out;
    }

    /** The fixed source evaluation set. */
    public Sample evaluationSource() {
        return evalSource;
    }

    /** The fixed data evaluation set. */
    public Sample evaluationData() {
        return evalData;
    }

    /**
     * What the laws record about themselves (file hashes, row counts, standardisation), keyed by role, and what the
     * metrics record ({@link Metric#provenance}) under {@code metrics.<name>.}.
     */
    public Map<String, String> provenance() {
        Map<String, String> out = new LinkedHashMap<>();
        laws.source().provenance().forEach((k, v) -> out.put("source." + k, v));
        laws.data().provenance().forEach((k, v) -> out.put("data." + k, v));
        if (laws.evalData() != laws.data()) {
            laws.evalData().provenance().forEach((k, v) -> out.put("eval_data." + k, v));
        }
        metrics.forEach((name, m) -> m.provenance().forEach((k, v) -> out.put("metrics." + name + "." + k, v)));
        return out;
    }
}
