package org.wasserflow.problems.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The blocked matrix-product 1-NN against brute force, over more queries than one block. */
class NearestNeighbourTest {

    @Test
    void nearestNeighbourMatchesBruteForce() {
        Random rnd = new Random(3);
        int n = 300;
        int q = 2100;
        float[] p = new float[n * 5];
        float[] x = new float[q * 5];
        int[] labels = new int[n];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = i;
        }
        int[] fast = new NearestNeighbour(Nd4j.create(p, new long[] {n, 5}, 'c'), labels).predict(Nd4j.create(x, new long[] {q, 5}, 'c'));
        int exact = 0;
        for (int i = 0; i < q; i++) {
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int j = 0; j < n; j++) {
                double s = distance(x, i, p, j);
                if (s < best) {
                    best = s;
                    arg = j;
                }
            }
            assertTrue(distance(x, i, p, fast[i]) <= best * (1 + 1e-5) + 1e-6, "query " + i + " gets a nearest point");
            exact += fast[i] == arg ? 1 : 0;
        }
        assertTrue(exact > q - 5, "the same point up to float ties: " + exact);
    }

    private static double distance(float[] x, int i, float[] p, int j) {
        double s = 0;
        for (int k = 0; k < 5; k++) {
            s += (x[i * 5 + k] - p[j * 5 + k]) * (x[i * 5 + k] - p[j * 5 + k]);
        }
        return s;
    }
}
