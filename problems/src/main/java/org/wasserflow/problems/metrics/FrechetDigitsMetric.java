package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Metric;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import org.wasserflow.problems.digits.DigitClassifier;
import org.wasserflow.problems.digits.DigitClassifiers;

/**
 * {@code frechet-digits}: the MNIST analogue of FID. The penultimate-layer features (256 ReLU units) of the
 * image metrics' {@link DigitClassifier} are computed for the generated images and the evaluation data (MNIST
 * test), a Gaussian is fitted to each (mean and unbiased covariance) and column {@code frechet_digits} is their
 * Frechet distance ({@link Frechet#distance}). Column {@code frechet_digits_floor} is the same distance between
 * the reference set (an independent draw from the data law, MNIST train, of the generated set's size) and the
 * evaluation data: what a perfect generator scores at these sizes, since the distance between fitted Gaussians is
 * biased upwards by the sampling error of the smaller set. The data's Gaussian and the floor are cached per set of
 * fixed evaluation sets. The classifier is obtained when the metric is constructed ({@link DigitClassifiers#obtain}:
 * loaded from its cache or trained once), so its errors come before training. Requires square images
 * ({@code Capability.IMAGES}); the side is the data's. Verdict: {@code frechet-digits 3.2x its floor}. Cost: one
 * forward pass of the generated images and a few 256 x 256 eigen decompositions per evaluation.
 */
public final class FrechetDigitsMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "frechet-digits";

    /** The data's Gaussian and the floor. */
    private record Prepared(Frechet.Gaussian data, double floor) { }

    private final DigitClassifiers.Loaded classifier;
    private final FixedSetCache<Prepared> prepared = new FixedSetCache<>();

    @Inject
    public FrechetDigitsMetric(Settings settings, RunShape shape) {
        this(DigitClassifiers.obtain(settings, DigitClassifiers.side(shape.dimension())));
    }

    /** The metric with a given classifier. */
    FrechetDigitsMetric(DigitClassifiers.Loaded classifier) {
        this.classifier = classifier;
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        DigitClassifier c = classifier.classifier();
        int f = c.featureDimension();
        Prepared p = prepared.get(() -> {
            Frechet.Gaussian data = Frechet.fit(c.features(e.data().points()), f);
            return new Prepared(data, Frechet.distance(Frechet.fit(c.features(e.reference().points()), f), data));
        }, e.data(), e.reference());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("frechet_digits", Frechet.distance(Frechet.fit(c.features(e.generated()), f), p.data()));
        out.put("frechet_digits_floor", p.floor());
        return out;
    }

    /** The classifier's file, key, side, test accuracy and data hashes. */
    @Override
    public Map<String, String> provenance() {
        return DigitClassifiers.provenance(classifier);
    }

    /**
     * The classifier's ({@link DigitClassifiers#memory}) and the features of the generated, data and reference sets,
     * {@code 4 * 256 (2n + m)} bytes, with the eigen decompositions' {@code 256 x 256} matrices.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long n = shape.evalSource();
        long m = shape.evalData();
        return List.of(DigitClassifiers.memory(shape.dimension()), new MemoryPart("the frechet-digits metric's features",
                shape.largerEvalKey(), 4 * 256 * (2 * n + m) + 8L * 10 * 256 * 256, 4 * 256 * Math.min(4096, Math.max(n, m)) * 3,
                256 * Math.max(n, m)));
    }
}
