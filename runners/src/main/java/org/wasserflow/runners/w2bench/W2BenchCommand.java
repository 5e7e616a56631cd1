package org.wasserflow.runners.w2bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Loss;
import org.wasserflow.api.Pair;
import org.wasserflow.api.PairSource;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.PotentialEstimator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.SeededStream;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.flow.RunPlan;
import org.wasserflow.flow.config.ConfigValidator;
import org.wasserflow.flow.plugin.PluginRegistry;
import org.wasserflow.ot.CostMatrix;
import org.wasserflow.ot.LinearAssignment;
import org.wasserflow.ot.Points;

/**
 * The {@code w2bench} command: {@code wasserflow w2bench <dir> potential=a,b,... out=<dir> [key=value ...]} scores
 * potential estimators against a known W2-optimal map (the continuous W2 benchmark of Korotin et al. 2021). For each
 * pair directory ({@link BenchPair}), each estimator is constructed as a run would construct it ({@code loss=w2}, the
 * given keys), fitted from P to Q through its SPI on {@code w2bench.iterations} calls of {@code fit}, each drawing
 * unpaired batches of {@code w2bench.batch} rows of {@code x_train} and {@code y_train}, and its map
 * {@code T_hat(x) = x + v(x)} is its velocity at {@code x_test} (Euler step 1). The velocity's data argument is a
 * sample of Q as large as {@code x_test}, drawn from {@code y_train} without replacement: estimators that solve from
 * scratch (exact OT, Sinkhorn) transport {@code x_test} onto it. Baselines: {@code identity}, {@code linear} (the
 * Gaussian map fitted to the training files, {@link LinearMap}) and {@code discrete-ot} (the exact assignment of
 * {@code x_test} to the first {@code x_test.rows} rows of {@code y_train}). Writes {@code w2bench.csv},
 * {@code report.md} and {@code l2_uvp.png} to {@code out} after every dimension.
 */
public final class W2BenchCommand {

    private static final Logger LOG = LoggerFactory.getLogger(W2BenchCommand.class);

    public static final Setting<Integer> ITERATIONS = Setting.integer("w2bench.iterations", 2000).atLeast(1)
            .describe("calls of each fitted estimator's fit (each takes critic.steps steps of its potential)");
    public static final Setting<Integer> BATCH = Setting.integer("w2bench.batch", 256).atLeast(2)
            .describe("rows of x_train and of y_train in each pair that fit draws (with replacement, unpaired)");
    public static final Setting<String> DIMS = Setting.text("w2bench.dims", "")
            .constrain(v -> v.matches("\\s*|\\d+(\\s*,\\s*\\d+)*"), "empty (all) or a comma-separated list of dimensions")
            .describe("the dimensions D to score (their d<D>/ directories); empty for all");
    public static final Setting<Integer> EVAL_EVERY = Setting.integer("w2bench.eval_every", 0).atLeast(0)
            .describe("log the L2-UVP of fitted estimators every this many fit calls (not timed); 0 for none");
    /** The {@code w2bench.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("w2bench", "the W2 benchmark command", ITERATIONS, BATCH, DIMS, EVAL_EVERY);
    public static final Setting<String> OUT = Setting.text("out", "w2bench").describe("the directory the results are written to");
    /** The estimators scored when {@code potential} is not given. */
    public static final String DEFAULT_POTENTIALS = "neural-map,neural-dual,exact-ot,sinkhorn";

    private final Path root;
    private final Path out;
    private final Map<String, RunPlan> plans = new LinkedHashMap<>();
    private final Settings settings;
    private final long seed;

    /**
     * Checks the command line before anything is read or fitted.
     *
     * @param root the benchmark directory
     * @param values {@code key=value} arguments: {@code potential} (a comma-separated list), {@code out}, the
     *     {@code w2bench.*} keys, {@code run.seed} and any estimator's keys
     * @throws ConfigException in one line for an unknown key, a bad value or an unknown estimator
     */
    public W2BenchCommand(Path root, Map<String, String> values, ClassLoader plugins) {
        if (root == null) {
            throw new ConfigException("argument", "wasserflow w2bench <dir> [potential=a,b] [out=<dir>]: no benchmark directory given");
        }
        Map<String, String> rest = new TreeMap<>(values);
        String list = rest.remove("potential");
        Map<String, String> own = new TreeMap<>();
        if (rest.containsKey("out")) {
            own.put("out", rest.remove("out"));
        }
        ConfigValidator.check(own, ConfigValidator.declared(SettingGroup.of("", "wasserflow w2bench <dir>", OUT)));
        this.out = Path.of(Settings.of(own, List.of(SettingGroup.of("", "out", OUT))).get(OUT));
        String loss = rest.getOrDefault("loss", "w2");
        ConfigException.require(loss.equals("w2"), "loss", loss, "w2 (the benchmark's cost is |x - y|^2 / 2)");
        List<String> names = Arrays.stream((list == null ? DEFAULT_POTENTIALS : list).split(",")).map(String::strip).toList();
        ConfigException.require(names.stream().noneMatch(String::isEmpty), "potential", list, "a comma-separated list of estimators");
        for (String name : names) {
            Map<String, String> v = new TreeMap<>(rest);
            v.put("potential", name);
            plans.put(name, RunPlan.of(v, plugins, List.of(GROUP)));
        }
        this.root = root;
        RunPlan first = plans.values().iterator().next();
        this.settings = first.view(List.of(GROUP));
        this.seed = first.run().seed();
    }

    /** Reads every selected pair (refusing bad files before fitting anything), scores them and writes the results. */
    public List<W2BenchReport.Row> execute() throws IOException {
        List<Path> dirs = selected(BenchPair.directories(root));
        List<BenchPair> pairs = new ArrayList<>();
        for (Path d : dirs) {
            pairs.add(BenchPair.load(d));
        }
        W2BenchReport report = new W2BenchReport(out, root, settings.get(ITERATIONS), settings.get(BATCH), seed, plans);
        for (BenchPair pair : pairs) {
            LOG.info("D = {}: {} train / {} test rows, Var(Q) = {} from {}", pair.dim(), pair.xTrain().rows(), pair.xTest().rows(),
                    pair.varQ(), pair.varQSource());
            baselines(pair, report);
            for (Map.Entry<String, RunPlan> e : plans.entrySet()) {
                report.add(score(pair, e.getKey(), e.getValue()));
                report.write();
            }
        }
        report.write();
        LOG.info("results: {}, {} and {}", out.resolve(W2BenchReport.CSV), out.resolve(W2BenchReport.MARKDOWN), out.resolve(W2BenchReport.PLOT));
        return report.rows();
    }

    private List<Path> selected(List<Path> dirs) {
        String wanted = settings.get(DIMS).strip();
        if (wanted.isEmpty()) {
            return dirs;
        }
        List<Path> out = new ArrayList<>();
        for (String d : wanted.split(",")) {
            int dim = Integer.parseInt(d.strip());
            Path dir = dirs.stream().filter(p -> BenchPair.declaredDim(p) == dim).findFirst().orElseThrow(() -> new ConfigException(
                    DIMS.key(), dim, "one of the dimensions under " + root + ": " + dirs.stream().map(p -> p.getFileName().toString()).toList()));
            out.add(dir);
        }
        return out;
    }

    private void baselines(BenchPair p, W2BenchReport report) {
        report.add(row(p, "identity", p.xTest(), 0));
        long t0 = System.nanoTime();
        INDArray linear = LinearMap.fit(p.xTrain(), p.yTrain()).apply(p.xTest());
        report.add(row(p, "linear", linear, seconds(t0)));
        t0 = System.nanoTime();
        int n = (int) p.xTest().rows();
        INDArray q = p.yTrain().get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
        int[] cols = new LinearAssignment().solve(CostMatrix.squared(Points.flat(p.xTest()), Points.flat(q), p.dim()), n).rowToCol();
        float[] y = q.dup('c').data().asFloat();
        float[] matched = new float[n * p.dim()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(y, cols[i] * p.dim(), matched, i * p.dim(), p.dim());
        }
        report.add(row(p, "discrete-ot", Nd4j.create(matched, new long[] {n, p.dim()}, 'c'), seconds(t0)));
    }

    /** Fits one estimator on a pair and scores its map at {@code x_test}. */
    private W2BenchReport.Row score(BenchPair p, String name, RunPlan plan) {
        PluginRegistry registry = PluginRegistry.wire(plan.sources(), new Seed(seed));
        Loss loss = registry.create(PluginKind.LOSS, plan.plugin("loss"), plan.view("loss", plan.plugin("loss")), null);
        PotentialEstimator estimator = registry.create(PluginKind.POTENTIAL, plan.plugin("potential"),
                plan.view("potential", plan.plugin("potential")), loss);
        INDArray q = qSample(p);
        PairSource batches = batches(p);
        int iterations = settings.get(ITERATIONS);
        int every = settings.get(EVAL_EVERY);
        double fitSeconds = 0;
        Map<String, Double> last = Map.of();
        for (int i = 1; i <= iterations; i++) {
            long t0 = System.nanoTime();
            last = estimator.fit(batches);
            fitSeconds += seconds(t0);
            if (every > 0 && i % every == 0 && !last.isEmpty()) {
                MapScore s = MapScore.of(p.xTest(), p.txTest(), map(estimator, p.xTest(), q), p.varQ());
                LOG.info("D = {} {} fit {}/{}: L2-UVP {} cosine {} ({} s) {}", p.dim(), name, i, iterations, fmt(s.l2uvp()), fmt(s.cosine()),
                        fmt(fitSeconds), last);
            }
        }
        long t0 = System.nanoTime();
        INDArray mapped = map(estimator, p.xTest(), q);
        fitSeconds += seconds(t0);
        W2BenchReport.Row row = row(p, name, mapped, fitSeconds, estimator.provenance());
        LOG.info("D = {} {}: L2-UVP {} cosine {} fit {} s {}{}", p.dim(), name, fmt(row.l2uvp()), fmt(row.cosine()), fmt(fitSeconds), last,
                row.derived().isEmpty() ? "" : " using " + row.derived());
        return row;
    }

    private static INDArray map(PotentialEstimator estimator, INDArray x, INDArray q) {
        return estimator.velocity(x, q).addi(x);
    }

    /** Unpaired batches: independent uniform draws, with replacement, of rows of x_train and of y_train. */
    private PairSource batches(BenchPair p) {
        SeededStream s = new Seed(seed).stream("w2bench.batches.d" + p.dim());
        int m = settings.get(BATCH);
        float[] x = p.xTrain().dup('c').data().asFloat();
        float[] y = p.yTrain().dup('c').data().asFloat();
        return () -> new Pair(gather(x, p.dim(), m, s), gather(y, p.dim(), m, s));
    }

    /** {@code m} rows drawn uniformly with replacement from the flat {@code [n, d]} rows {@code all}, a new float array. */
    private static INDArray gather(float[] all, int d, int m, SeededStream s) {
        int n = all.length / d;
        float[] out = new float[m * d];
        for (int k = 0; k < m; k++) {
            System.arraycopy(all, s.nextInt(n) * d, out, k * d, d);
        }
        return Nd4j.create(out, new long[] {m, d}, 'c');
    }

    /** As many rows of y_train as x_test has, drawn without replacement (a partial Fisher-Yates shuffle). */
    private INDArray qSample(BenchPair p) {
        SeededStream s = new Seed(seed).stream("w2bench.q.d" + p.dim());
        int ny = (int) p.yTrain().rows();
        int n = (int) p.xTest().rows();
        int[] idx = new int[ny];
        for (int k = 0; k < ny; k++) {
            idx[k] = k;
        }
        for (int k = 0; k < n; k++) {
            int r = k + s.nextInt(ny - k);
            int t = idx[k];
            idx[k] = idx[r];
            idx[r] = t;
        }
        float[] y = p.yTrain().dup('c').data().asFloat();
        int d = p.dim();
        float[] out = new float[n * d];
        for (int k = 0; k < n; k++) {
            System.arraycopy(y, idx[k] * d, out, k * d, d);
        }
        return Nd4j.create(out, new long[] {n, d}, 'c');
    }

    private static W2BenchReport.Row row(BenchPair p, String name, INDArray mapped, double seconds) {
        return row(p, name, mapped, seconds, Map.of());
    }

    private static W2BenchReport.Row row(BenchPair p, String name, INDArray mapped, double seconds, Map<String, String> derived) {
        MapScore s = MapScore.of(p.xTest(), p.txTest(), mapped, p.varQ());
        return new W2BenchReport.Row(p.dim(), name, s.l2uvp(), s.cosine(), seconds, derived);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
