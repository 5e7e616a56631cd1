package org.wasserflow.problems.laws;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Random draws and array packing shared by the built-in laws. */
public final class Draws {

    private Draws() {
    }

    /** A standard normal draw by the Box-Muller transform (RandomGenerator has no nextGaussian on Java 17). */
    public static double normal(RandomGenerator rnd) {
        double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** Row-major {@code values} as a float {@code [m, d]} array. */
    public static INDArray rows(double[] values, int m, int d) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Nd4j.create(f, new long[] {m, d}, 'c');
    }

    /** Draws one point of a 2-D law: writes its two coordinates into {@code xy}. */
    @FunctionalInterface
    public interface PlanarPoint {
        void draw(RandomGenerator rnd, double[] xy);
    }

    /** {@code m} independent points of a 2-D law as a float {@code [m, 2]} array, drawn in row order. */
    public static INDArray planar(int m, RandomGenerator rnd, PlanarPoint point) {
        double[] out = new double[2 * m];
        double[] xy = new double[2];
        for (int i = 0; i < m; i++) {
            point.draw(rnd, xy);
            out[2 * i] = xy[0];
            out[2 * i + 1] = xy[1];
        }
        return rows(out, m, 2);
    }

    /** The counts of {@code m} draws over {@code k} equal-weight classes in exact proportions: {@code m / k} each, the remainder spread over random classes. */
    public static int[] stratifiedCounts(int m, int k, RandomGenerator rnd) {
        int[] counts = new int[k];
        java.util.Arrays.fill(counts, m / k);
        int[] order = permutation(k, rnd);
        for (int r = 0; r < m % k; r++) {
            counts[order[r]]++;
        }
        return counts;
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public static int[] permutation(int n, RandomGenerator rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
