package org.wasserflow.problems;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Capability;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.problems.laws.CheckerboardLaw;
import org.wasserflow.problems.laws.CsvLaw;
import org.wasserflow.problems.laws.EslDigitsLaw;
import org.wasserflow.problems.laws.GaussianFitLaw;
import org.wasserflow.problems.laws.GaussianLaw;
import org.wasserflow.problems.laws.GaussianMixtureLaw;
import org.wasserflow.problems.laws.IdxLaw;
import org.wasserflow.problems.laws.NpyLaw;
import org.wasserflow.problems.laws.SwissRollLaw;
import org.wasserflow.problems.laws.TwoSpiralsLaw;
import org.wasserflow.problems.digits.DigitClassifiers;
import org.wasserflow.problems.metrics.C2stMetric;
import org.wasserflow.problems.metrics.DigitCoverageMetric;
import org.wasserflow.problems.metrics.EnergyMetric;
import org.wasserflow.problems.metrics.FrechetDigitsMetric;
import org.wasserflow.problems.metrics.MmdMetric;
import org.wasserflow.problems.metrics.ModeStatsMetric;
import org.wasserflow.problems.metrics.ModesMetric;
import org.wasserflow.problems.metrics.NnAccuracyMetric;
import org.wasserflow.problems.metrics.NnOtBaselineMetric;
import org.wasserflow.problems.metrics.SlicedW2Metric;
import org.wasserflow.problems.metrics.W1Metric;
import org.wasserflow.problems.metrics.W2Metric;

/** Registers the built-in laws (analytic and data files) and metrics. */
public final class ProblemsModule extends AbstractModule {

    /** {@code gaussian}. */
    public static final Plugin GAUSSIAN = Plugin.of(PluginKind.LAW, GaussianLaw.NAME, GaussianLaw.class,
            "isotropic Gaussian N(0, std^2 I) in any dimension").settings(GaussianLaw.GROUP);

    /** {@code gaussian-fit}. */
    public static final Plugin GAUSSIAN_FIT = Plugin.of(PluginKind.LAW, GaussianFitLaw.NAME, GaussianFitLaw.class,
            "source law: Gaussian with the data's mean and covariance plus a ridge, sampled through its Cholesky factor")
            .settings(GaussianFitLaw.GROUP).requires(Capability.DATA_TO_FIT);

    /** {@code gaussian-mixture}. */
    public static final Plugin GAUSSIAN_MIXTURE = Plugin.of(PluginKind.LAW, GaussianMixtureLaw.NAME, GaussianMixtureLaw.class,
            "equal-weight Gaussian mixture: ring, grid or listed centres; labelled by component").settings(GaussianMixtureLaw.GROUP);

    /** {@code swiss-roll}. */
    public static final Plugin SWISS_ROLL = Plugin.of(PluginKind.LAW, SwissRollLaw.NAME, SwissRollLaw.class,
            "the 2-D Swiss roll of the GAN toy benchmarks").settings(SwissRollLaw.GROUP);

    /** {@code two-spirals}. */
    public static final Plugin TWO_SPIRALS = Plugin.of(PluginKind.LAW, TwoSpiralsLaw.NAME, TwoSpiralsLaw.class,
            "the two interleaved 2-D spirals of the FFJORD toy set (2spirals)").settings(TwoSpiralsLaw.GROUP);

    /** {@code checkerboard}. */
    public static final Plugin CHECKERBOARD = Plugin.of(PluginKind.LAW, CheckerboardLaw.NAME, CheckerboardLaw.class,
            "uniform on the black squares of a 2-D checkerboard, the FFJORD toy set's by default").settings(CheckerboardLaw.GROUP);

    /** {@code npy}. */
    public static final Plugin NPY = Plugin.of(PluginKind.LAW, NpyLaw.NAME, NpyLaw.class,
            "rows of a 2-D .npy array, optionally labelled and standardised").settings(NpyLaw.GROUP);

    /** {@code csv}. */
    public static final Plugin CSV = Plugin.of(PluginKind.LAW, CsvLaw.NAME, CsvLaw.class,
            "rows of a CSV file: selected columns, optional integer label column, optionally standardised").settings(CsvLaw.GROUP);

    /** {@code idx}. */
    public static final Plugin IDX = Plugin.of(PluginKind.LAW, IdxLaw.NAME, IdxLaw.class,
            "images of IDX (MNIST) files in [-1, 1], native size or resized, optionally labelled").settings(IdxLaw.GROUP);

    /** {@code esl-digits}. */
    public static final Plugin ESL_DIGITS = Plugin.of(PluginKind.LAW, EslDigitsLaw.NAME, EslDigitsLaw.class,
            "labelled rows of an ESL digits file (USPS zip.train.gz)").settings(EslDigitsLaw.GROUP);

    /** {@code w2}. */
    public static final Plugin W2 = Plugin.of(PluginKind.METRIC, W2Metric.NAME, W2Metric.class,
            "exact empirical W2 against the data by assignment, with its data-vs-data floor (w2, w2_floor)")
            .requires(Capability.EQUAL_EVAL_SIZES).memory(W2Metric::memory);

    /** {@code w1}. */
    public static final Plugin W1 = Plugin.of(PluginKind.METRIC, W1Metric.NAME, W1Metric.class,
            "exact empirical W1 against the data by assignment, with its data-vs-data floor (w1, w1_floor)")
            .requires(Capability.EQUAL_EVAL_SIZES).memory(W1Metric::memory);

    /** {@code energy}. */
    public static final Plugin ENERGY = Plugin.of(PluginKind.METRIC, EnergyMetric.NAME, EnergyMetric.class,
            "energy distance (V-statistic) against the data, with its data-vs-data floor (energy, energy_floor)")
            .memory(EnergyMetric::memory);

    /** {@code sliced-w2}. */
    public static final Plugin SLICED_W2 = Plugin.of(PluginKind.METRIC, SlicedW2Metric.NAME, SlicedW2Metric.class,
            "sliced W2 over random directions (exact 1-D W2 per direction), any dimension, with its data-vs-data floor "
            + "(sliced_w2, sliced_w2_floor)").settings(SlicedW2Metric.GROUP).memory(SlicedW2Metric::memory);

    /** {@code mmd}. */
    public static final Plugin MMD = Plugin.of(PluginKind.METRIC, MmdMetric.NAME, MmdMetric.class,
            "unbiased MMD, Gaussian kernel at the data's median distance, any dimension, with its data-vs-data floor (mmd, mmd_floor)")
            .memory(MmdMetric::memory);

    /** {@code c2st}. */
    public static final Plugin C2ST = Plugin.of(PluginKind.METRIC, C2stMetric.NAME, C2stMetric.class,
            "classifier two-sample test: held-out accuracy of k-NN telling generated from data, 0.5 is perfect (c2st, c2st_floor)")
            .settings(C2stMetric.GROUP).memory(C2stMetric::memory);

    /** {@code modes}. */
    public static final Plugin MODES = Plugin.of(PluginKind.METRIC, ModesMetric.NAME, ModesMetric.class,
            "mixtures or labelled data: high-quality fraction and modes covered, any dimension (hq_fraction, modes_covered)")
            .settings(ModesMetric.GROUP).requires(Capability.MODES);

    /** {@code mode-stats}. */
    public static final Plugin MODE_STATS = Plugin.of(PluginKind.METRIC, ModeStatsMetric.NAME, ModeStatsMetric.class,
            "mixtures or labelled data: per-mode mean offset and std ratio against the data, with floors (mode_offset_*, mode_std_ratio_*)")
            .requires(Capability.MODES);

    /** {@code nn-accuracy}. */
    public static final Plugin NN_ACCURACY = Plugin.of(PluginKind.METRIC, NnAccuracyMetric.NAME, NnAccuracyMetric.class,
            "labelled source and data: 1-NN transfer accuracy and the no-transport baseline (accuracy, baseline_no_transport)")
            .requires(Capability.SOURCE_LABELS, Capability.DATA_LABELS).memory(NnAccuracyMetric::memory);

    /** {@code nn-ot-baseline}. */
    public static final Plugin NN_OT_BASELINE = Plugin.of(PluginKind.METRIC, NnOtBaselineMetric.NAME, NnOtBaselineMetric.class,
            "labelled source and data: 1-NN accuracy of exact OT between source and reference (baseline_exact_ot)")
            .requires(Capability.SOURCE_LABELS, Capability.DATA_LABELS).memory(NnOtBaselineMetric::memory);

    /** {@code frechet-digits}. */
    public static final Plugin FRECHET_DIGITS = Plugin.of(PluginKind.METRIC, FrechetDigitsMetric.NAME, FrechetDigitsMetric.class,
            "square images: Frechet distance between a cached MNIST classifier's penultimate features of generated and test images "
            + "(the MNIST FID), with its train-vs-test floor (frechet_digits, frechet_digits_floor)")
            .settings(DigitClassifiers.GROUP).requires(Capability.IMAGES).memory(FrechetDigitsMetric::memory);

    /** {@code digit-coverage}. */
    public static final Plugin DIGIT_COVERAGE = Plugin.of(PluginKind.METRIC, DigitCoverageMetric.NAME, DigitCoverageMetric.class,
            "square images: a cached MNIST classifier's predicted classes of the generated images: KL to uniform, classes "
            + "with a quarter of their share, mean confidence (class_kl, classes_covered, confidence)")
            .settings(DigitClassifiers.GROUP).requires(Capability.IMAGES).memory(DigitCoverageMetric::memory);

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(GAUSSIAN);
        plugins.addBinding().toInstance(GAUSSIAN_FIT);
        plugins.addBinding().toInstance(GAUSSIAN_MIXTURE);
        plugins.addBinding().toInstance(SWISS_ROLL);
        plugins.addBinding().toInstance(TWO_SPIRALS);
        plugins.addBinding().toInstance(CHECKERBOARD);
        plugins.addBinding().toInstance(NPY);
        plugins.addBinding().toInstance(CSV);
        plugins.addBinding().toInstance(IDX);
        plugins.addBinding().toInstance(ESL_DIGITS);
        plugins.addBinding().toInstance(W2);
        plugins.addBinding().toInstance(W1);
        plugins.addBinding().toInstance(ENERGY);
        plugins.addBinding().toInstance(SLICED_W2);
        plugins.addBinding().toInstance(MMD);
        plugins.addBinding().toInstance(C2ST);
        plugins.addBinding().toInstance(MODES);
        plugins.addBinding().toInstance(MODE_STATS);
        plugins.addBinding().toInstance(NN_ACCURACY);
        plugins.addBinding().toInstance(NN_OT_BASELINE);
        plugins.addBinding().toInstance(FRECHET_DIGITS);
        plugins.addBinding().toInstance(DIGIT_COVERAGE);
    }
}
