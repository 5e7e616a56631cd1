package org.wasserflow.runners.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RingMetricsTest {

    private static final double[] SQUARE = {1, 0, 0, 1, -1, 0, 0, -1};

    @Test
    void samplesOnTheCentresAreAllHighQualityAndCoverEveryMode() {
        double[] pts = new double[2 * 40];
        for (int i = 0; i < 40; i++) {
            pts[2 * i] = SQUARE[2 * (i % 4)] + 0.05;
            pts[2 * i + 1] = SQUARE[2 * (i % 4) + 1];
        }
        RingMetrics.Quality q = RingMetrics.quality(pts, SQUARE, 0.1);
        assertEquals(1.0, q.highQualityFraction());
        assertEquals(4, q.modesCovered());
        assertArrayEquals(new int[] {10, 10, 10, 10}, q.perMode());
    }

    @Test
    void farSamplesAreLowQualityAndThinModesAreNotCovered() {
        double[] pts = new double[2 * 40];
        for (int i = 0; i < 40; i++) {
            boolean far = i % 2 == 0;
            pts[2 * i] = far ? 0 : (i < 38 ? 1 : -1);
            pts[2 * i + 1] = far ? 0 : 0.29;
        }
        RingMetrics.Quality q = RingMetrics.quality(pts, SQUARE, 0.1);
        assertEquals(0.5, q.highQualityFraction());
        assertArrayEquals(new int[] {19, 0, 1, 0}, q.perMode());
        assertEquals(1, q.modesCovered(), "one sample of 40 is under a quarter of the fair share 10");
    }
}
