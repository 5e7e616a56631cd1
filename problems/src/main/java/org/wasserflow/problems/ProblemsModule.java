package org.wasserflow.problems;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.problems.laws.CsvLaw;
import org.wasserflow.problems.laws.EslDigitsLaw;
import org.wasserflow.problems.laws.GaussianLaw;
import org.wasserflow.problems.laws.GaussianMixtureLaw;
import org.wasserflow.problems.laws.IdxLaw;
import org.wasserflow.problems.laws.NpyLaw;
import org.wasserflow.problems.laws.SwissRollLaw;

/** Registers the built-in laws (analytic and data files) and metrics. */
public final class ProblemsModule extends AbstractModule {

    /** {@code gaussian}. */
    public static final Plugin GAUSSIAN = Plugin.of(PluginKind.LAW, GaussianLaw.NAME, GaussianLaw.class,
            "isotropic Gaussian N(0, std^2 I) in any dimension").settings(GaussianLaw.GROUP);

    /** {@code gaussian-mixture}. */
    public static final Plugin GAUSSIAN_MIXTURE = Plugin.of(PluginKind.LAW, GaussianMixtureLaw.NAME, GaussianMixtureLaw.class,
            "equal-weight Gaussian mixture: ring, grid or listed centres; labelled by component").settings(GaussianMixtureLaw.GROUP);

    /** {@code swiss-roll}. */
    public static final Plugin SWISS_ROLL = Plugin.of(PluginKind.LAW, SwissRollLaw.NAME, SwissRollLaw.class,
            "the 2-D Swiss roll of the GAN toy benchmarks").settings(SwissRollLaw.GROUP);

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

    @Override
    protected void configure() {
        Multibinder<Plugin> plugins = Multibinder.newSetBinder(binder(), Plugin.class);
        plugins.addBinding().toInstance(GAUSSIAN);
        plugins.addBinding().toInstance(GAUSSIAN_MIXTURE);
        plugins.addBinding().toInstance(SWISS_ROLL);
        plugins.addBinding().toInstance(NPY);
        plugins.addBinding().toInstance(CSV);
        plugins.addBinding().toInstance(IDX);
        plugins.addBinding().toInstance(ESL_DIGITS);
    }
}
