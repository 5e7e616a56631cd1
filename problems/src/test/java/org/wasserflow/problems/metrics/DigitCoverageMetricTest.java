package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Metric;

/** The coverage columns and verdict on constructed class probabilities. */
class DigitCoverageMetricTest {

    @Test
    void oneClassIsKlLnTenAndOneClassCovered() {
        double[] p = probabilities(new int[] {3, 3, 3, 3}, 0.8);
        Map<String, Double> c = DigitCoverageMetric.columns(p);
        assertEquals(Math.log(10), c.get("class_kl"), 1e-12);
        assertEquals(1, c.get("classes_covered"));
        assertEquals(0.8, c.get("confidence"), 1e-12);
    }

    @Test
    void equalSharesAreKlZeroAndEveryClassCovered() {
        int[] classes = new int[1000];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 10;
        }
        Map<String, Double> c = DigitCoverageMetric.columns(probabilities(classes, 0.5));
        assertEquals(0, c.get("class_kl"), 1e-12);
        assertEquals(10, c.get("classes_covered"));
        assertEquals(0.5, c.get("confidence"), 1e-12);
    }

    /** 40 images: a class of one image has exactly a quarter of its fair share (1/40) and counts; none does not. */
    @Test
    void aClassIsCoveredFromAQuarterOfItsFairShare() {
        int[] classes = new int[40];
        classes[0] = 1;
        classes[1] = 2;
        Map<String, Double> c = DigitCoverageMetric.columns(probabilities(classes, 0.9));
        assertEquals(3, c.get("classes_covered"));
        double h0 = 38 / 40.0;
        double h1 = 1 / 40.0;
        assertEquals(h0 * Math.log(10 * h0) + 2 * h1 * Math.log(10 * h1), c.get("class_kl"), 1e-12);
    }

    @Test
    void coverageAndConfidenceAreBetterHigherAndTheVerdictSaysSoInWords() {
        DigitCoverageMetric m = new DigitCoverageMetric(null);
        assertEquals(Metric.Better.HIGHER, m.better("classes_covered"));
        assertEquals(Metric.Better.HIGHER, m.better("confidence"));
        assertEquals(Metric.Better.LOWER, m.better("class_kl"));
        assertEquals("10/10 digit classes covered, KL to uniform 0.02, confidence 0.93", m.verdict(DigitCoverageMetric.NAME,
                Map.of("class_kl", 0.0213, "classes_covered", 10.0, "confidence", 0.9312)).orElseThrow());
    }

    /** Rows of 10 probabilities, {@code top} on each row's class and the rest spread evenly. */
    private static double[] probabilities(int[] classes, double top) {
        double[] p = new double[classes.length * 10];
        for (int r = 0; r < classes.length; r++) {
            for (int k = 0; k < 10; k++) {
                p[r * 10 + k] = k == classes[r] ? top : (1 - top) / 9;
            }
        }
        return p;
    }
}
