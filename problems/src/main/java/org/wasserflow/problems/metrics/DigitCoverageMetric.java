package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Metric;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Settings;
import org.wasserflow.problems.digits.DigitClassifier;
import org.wasserflow.problems.digits.DigitClassifiers;

/**
 * {@code digit-coverage}: which digits the generated images are, by the image metrics' {@link DigitClassifier}.
 * From the histogram h of the classes it predicts (its most probable class per image): {@code class_kl}, the
 * Kullback-Leibler divergence {@code KL(h || uniform) = sum_k h_k ln(10 h_k)} (0 for equal shares, {@code ln 10}
 * for a single class; lower is better); {@code classes_covered}, the classes with at least a quarter of the fair
 * share, {@code h_k >= 1/40} (higher is better, 10 at most); and {@code confidence}, the mean over the images of
 * the largest class probability (higher is better: a blurred or ambiguous image gets a flat softmax). The
 * classifier is obtained at construction ({@link DigitClassifiers#obtain}), so its errors come before training;
 * requires square images ({@code Capability.IMAGES}). Verdict: {@code 10/10 digit classes covered, KL to uniform
 * 0.02, confidence 0.93}.
 */
public final class DigitCoverageMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "digit-coverage";

    /** A class is covered with at least this share of the images: a quarter of the fair share. */
    static final double COVERED = 0.25 / DigitClassifier.CLASSES;

    private final DigitClassifiers.Loaded classifier;

    @Inject
    public DigitCoverageMetric(Settings settings, RunShape shape) {
        this(DigitClassifiers.obtain(settings, DigitClassifiers.side(shape.dimension())));
    }

    /** The metric with a given classifier. */
    DigitCoverageMetric(DigitClassifiers.Loaded classifier) {
        this.classifier = classifier;
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        DigitClassifier c = classifier.classifier();
        return columns(c.probabilities(c.features(e.generated())));
    }

    /** The columns for row-major class probabilities {@code [n, 10]}, {@code n >= 1}, as the class documents. */
    static Map<String, Double> columns(double[] probabilities) {
        int k = DigitClassifier.CLASSES;
        int n = probabilities.length / k;
        if (n == 0 || probabilities.length % k != 0) {
            throw new IllegalArgumentException(NAME + " needs rows of " + k + " probabilities, got " + probabilities.length + " values");
        }
        double[] histogram = new double[k];
        double confidence = 0;
        for (int r = 0; r < n; r++) {
            int best = DigitClassifier.argmax(probabilities, r);
            histogram[best] += 1.0 / n;
            confidence += probabilities[r * k + best];
        }
        double kl = 0;
        int covered = 0;
        for (double h : histogram) {
            kl += h > 0 ? h * Math.log(h * k) : 0;
            covered += h >= COVERED ? 1 : 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("class_kl", Math.max(0, kl));
        out.put("classes_covered", (double) covered);
        out.put("confidence", confidence / n);
        return out;
    }

    /** Classes covered and confidence are better higher; the divergence lower. */
    @Override
    public Better better(String column) {
        return column.equals("classes_covered") || column.equals("confidence") ? Better.HIGHER : Better.LOWER;
    }

    /** {@code 10/10 digit classes covered, KL to uniform 0.02, confidence 0.93}. */
    @Override
    public Optional<String> verdict(String name, Map<String, Double> row) {
        Double kl = row.get("class_kl");
        Double covered = row.get("classes_covered");
        Double confidence = row.get("confidence");
        if (kl == null || covered == null || confidence == null) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d/%d digit classes covered, KL to uniform %.2f, confidence %.2f",
                Math.round(covered), DigitClassifier.CLASSES, kl, confidence));
    }

    /** The classifier's file, key, side, test accuracy and data hashes. */
    @Override
    public Map<String, String> provenance() {
        return DigitClassifiers.provenance(classifier);
    }

    /** The classifier's ({@link DigitClassifiers#memory}) and the generated images' features and probabilities. */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long n = shape.evalSource();
        return List.of(DigitClassifiers.memory(shape.dimension()), new MemoryPart("the digit-coverage metric's features",
                RunShape.EVAL_SOURCE, 4 * 256 * n + 8 * 10 * n, 4 * 256 * Math.min(4096, n) * 3, 256 * n));
    }
}
