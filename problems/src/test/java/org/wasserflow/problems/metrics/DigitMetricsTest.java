package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Sample;
import org.wasserflow.problems.digits.DigitClassifiers;
import org.wasserflow.problems.digits.DigitFixtures;
import org.wasserflow.problems.readers.IdxReader;
import org.wasserflow.problems.readers.Table;

/**
 * {@code frechet-digits} and {@code digit-coverage} with the fixture classifier on the MNIST fixtures (300 test
 * images as the data, 300 train images as the reference): the data scores 0, the reference its floor, and blank
 * images are far above it and all one class.
 */
class DigitMetricsTest {

    private static final DigitClassifiers.Loaded CLASSIFIER = DigitFixtures.trained();
    private static final INDArray TEST = images("t10k-images");
    private static final INDArray TRAIN = images("train-images");

    @Test
    void theDataScoresZeroTheReferenceItsFloorAndBlankImagesFarMore() {
        FrechetDigitsMetric metric = new FrechetDigitsMetric(CLASSIFIER);
        Sample data = Sample.of(TEST);
        Sample reference = Sample.of(TRAIN);
        Map<String, Double> itself = metric.evaluate(evaluation(TEST.dup(), data, reference));
        double floor = itself.get("frechet_digits_floor");
        assertTrue(floor > 0, "train and test fixtures differ: floor " + floor);
        assertTrue(itself.get("frechet_digits") < 1e-6 * floor, itself.toString());
        assertEquals(floor, metric.evaluate(evaluation(TRAIN.dup(), data, reference)).get("frechet_digits"), 1e-6 * floor);
        Map<String, Double> blank = metric.evaluate(evaluation(Nd4j.valueArrayOf(TEST.shape(), -1f), data, reference));
        assertEquals(floor, blank.get("frechet_digits_floor"), "the floor depends only on the fixed sets");
        assertTrue(blank.get("frechet_digits") > 3 * floor, blank.toString());
        assertTrue(metric.verdict(FrechetDigitsMetric.NAME, blank).orElseThrow().startsWith("frechet-digits"));
        assertEquals(CLASSIFIER.header().get("test_accuracy"), metric.provenance().get("classifier.test_accuracy"));
    }

    @Test
    void testImagesCoverEveryDigitAndBlankImagesOne() {
        DigitCoverageMetric metric = new DigitCoverageMetric(CLASSIFIER);
        Sample data = Sample.of(TEST);
        Map<String, Double> real = metric.evaluate(evaluation(TEST, data, data));
        assertEquals(10, real.get("classes_covered"), real.toString());
        assertTrue(real.get("class_kl") < 0.2, real.toString());
        Map<String, Double> blank = metric.evaluate(evaluation(Nd4j.valueArrayOf(TEST.shape(), -1f), data, data));
        assertEquals(1, blank.get("classes_covered"));
        assertEquals(Math.log(10), blank.get("class_kl"), 1e-12);
    }

    private static Evaluation evaluation(INDArray generated, Sample data, Sample reference) {
        return new Evaluation(Sample.of(generated), generated, data, reference, Optional.empty(), new SplittableRandom(1));
    }

    private static INDArray images(String name) {
        Table t = IdxReader.images(DigitFixtures.fixture(name), name, 28);
        return Nd4j.create(t.values(), new long[] {t.rows(), t.columns()}, 'c');
    }
}
