package org.wasserflow.problems.laws;

import com.google.inject.Inject;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * {@code gaussian-fit}: the Gaussian {@code N(mu, Sigma + ridge I)} with the mean and covariance of the run's data
 * law, a source law for generators whose source should already have the data's first two moments (the authors'
 * Gaussian to MNIST experiment: MNIST's pixel mean and covariance plus 0.1 I). The moments are computed once, when
 * the law is constructed, from every row of a finite data law or from {@code law.fit_rows} draws of another; the
 * covariance is the population one ({@code 1/n}). Samples are {@code mu + L z} with {@code z ~ N(0, I)} and
 * {@code L} the lower Cholesky factor of {@code Sigma + ridge I}, also computed once ({@link GaussianFit}).
 *
 * <p>Provenance ({@link #provenance()}): the rows fitted, the ridge, the trace of {@code Sigma}, the log-determinant
 * of {@code Sigma + ridge I} and the SHA-256 of the fitted mean and factor, so that two runs can tell whether they
 * sampled from the same law. An image data law makes this an image law of the same side.
 */
public final class GaussianFitLaw implements Law {

    /** The name this law is registered under. */
    public static final String NAME = "gaussian-fit";

    public static final Setting<Double> RIDGE = Setting.number("law.ridge", 0.1).atLeast(0)
            .describe("added to the fitted covariance's diagonal (the authors' 0.1); 0 needs a covariance of full rank");
    public static final Setting<Integer> FIT_ROWS = Setting.integer("law.fit_rows", 0).atLeast(0)
            .describe("rows the moments are fitted on: 0 for every row of a finite data law (10000 draws of an unbounded one), "
                    + "else that many (drawn without replacement from a finite law)");
    /** Its keys, under the role's prefix ({@code source.ridge}). */
    public static final SettingGroup GROUP = SettingGroup.of(Law.PREFIX, "Gaussian fitted to the data's mean and covariance",
            RIDGE, FIT_ROWS);

    private static final int UNBOUNDED_ROWS = 10_000;
    /**
     * The fits of every row of a file-backed data law made in this JVM, by the law's provenance (its files' SHA-256)
     * and the ridge: the commands that build a run's components more than once (sample, transport, resume, an
     * ablation's runs) fit MNIST's 784 x 784 covariance once. The two most recent are kept.
     */
    private static final Map<String, Fitted> FITTED = Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fitted> eldest) {
            return size() > 2;
        }
    });

    private record Fitted(GaussianFit fit, int rows) { }

    private final GaussianFit fit;
    private final OptionalInt side;
    private final Map<String, String> provenance;

    /**
     * @param data the run's data law, whose moments are fitted (rows are read, not modified)
     * @throws ConfigException naming {@code law.ridge} (rebased to the role) when {@code Sigma + ridge I} is not
     *     positive definite
     */
    @Inject
    public GaussianFitLaw(Settings settings, Law data, Seed seed) {
        double ridge = settings.get(RIDGE);
        int wanted = settings.get(FIT_ROWS);
        String memoKey = memoKey(data, wanted, ridge);
        Fitted fitted = memoKey == null ? null : FITTED.get(memoKey);
        if (fitted == null) {
            INDArray rows = rows(data, wanted, seed);
            try {
                fitted = new Fitted(GaussianFit.of(rows, ridge), rows.rows());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(settings.keyOf(RIDGE), ridge, "a ridge > 0 such as 0.1: " + e.getMessage());
            }
            if (memoKey != null) {
                FITTED.put(memoKey, fitted);
            }
        }
        this.fit = fitted.fit();
        this.side = data.imageSide();
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + ".fit_rows", String.valueOf(fitted.rows()));
        p.put(PREFIX + ".ridge", String.valueOf(ridge));
        p.put(PREFIX + ".fit_trace", String.format(Locale.ROOT, "%.6g", fit.trace()));
        p.put(PREFIX + ".fit_logdet", String.format(Locale.ROOT, "%.6g", fit.logDeterminant()));
        p.put(PREFIX + ".fit_sha256", fit.sha256());
        this.provenance = Collections.unmodifiableMap(p);
    }

    /**
     * The key of a fit of every row of a finite law whose provenance names its files' SHA-256, else null (a law
     * that is drawn, or subsampled with the run's seed, is fitted afresh).
     */
    private static String memoKey(Law data, int wanted, double ridge) {
        Map<String, String> p = data.provenance();
        boolean hashed = p.keySet().stream().anyMatch(k -> k.endsWith("sha256"));
        if (!hashed || data.size().isEmpty() || (wanted != 0 && wanted < data.size().getAsInt())) {
            return null;
        }
        return p + "|rows=" + data.size().getAsInt() + "|dimension=" + data.dimension() + "|ridge=" + ridge;
    }

    private static INDArray rows(Law data, int wanted, Seed seed) {
        RandomGenerator rng = seed.stream("source.fit");
        if (data.size().isPresent()) {
            int n = data.size().getAsInt();
            int take = wanted == 0 ? n : Math.min(wanted, n);
            int[] order = take == n ? IntStream.range(0, n).toArray() : Draws.permutation(n, rng);
            return data.rows(Arrays.copyOf(order, take)).points().castTo(DataType.DOUBLE);
        }
        return data.sample(wanted == 0 ? UNBOUNDED_ROWS : wanted, rng).points().castTo(DataType.DOUBLE);
    }

    @Override
    public int dimension() {
        return fit.dimension();
    }

    @Override
    public Sample sample(int m, RandomGenerator rng) {
        int d = fit.dimension();
        double[] z = new double[m * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = Draws.normal(rng);
        }
        return Sample.of(fit.transform(Nd4j.create(z, new long[] {m, d}, 'c')).castTo(DataType.FLOAT));
    }

    @Override
    public OptionalInt imageSide() {
        return side;
    }

    @Override
    public Map<String, String> provenance() {
        return provenance;
    }
}
