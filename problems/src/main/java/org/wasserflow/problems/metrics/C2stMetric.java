package org.wasserflow.problems.metrics;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.Metric;
import org.wasserflow.api.RunShape;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.Points;
import org.wasserflow.problems.laws.Draws;

/**
 * {@code c2st}: a classifier two-sample test (Lopez-Paz and Oquab 2017) with a k-nearest-neighbour classifier in
 * Euclidean distance, {@code k = c2st.neighbours}. Of the generated points and the data, {@code s = min(n, m)}
 * points each are taken in a random order (all of the smaller set); the first {@code floor(s / 2)} of each are the
 * training points, labelled generated or data, and the others are classified by the majority label of their k
 * nearest training points (k odd, so no vote ties; at most the number of training points). Column {@code c2st}
 * is the accuracy on those held-out points, balanced between the two sets, so 0.5 is perfect (the classifier
 * cannot tell generated from data) and 1 is a generator told apart every time; {@code c2st_floor} is the same
 * test of the reference set against the data, about 0.5 with a spread of {@code 0.5 / sqrt(s)}. The random orders
 * come from the metric's stream (alike at every evaluation of a run); the floor is cached per set of fixed
 * evaluation sets. Cost {@code O(s^2 d)} per evaluation (distances by blocks, {@link PairBlocks}). Inputs are not
 * modified.
 *
 * <p>Its verdict: {@code c2st 0.61 accuracy against 0.49 for data (0.5 is perfect)}, followed by
 * {@code (indistinguishable)} when the accuracy is at most {@value #INDISTINGUISHABLE} above the floor (three
 * spreads of a floor at {@code s = 2000}).
 */
public final class C2stMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "c2st";

    /** An accuracy at most this far above its floor is {@code indistinguishable} in the verdict. */
    static final double INDISTINGUISHABLE = 0.03;

    public static final Setting<Integer> NEIGHBOURS = Setting.integer("c2st.neighbours", 25).atLeast(1)
            .constrain(k -> k % 2 == 1, "an odd number").describe("k of the k-nearest-neighbour classifier of the c2st metric (odd)");
    /** Its keys. */
    public static final SettingGroup GROUP = SettingGroup.of("c2st", "classifier two-sample test metric", NEIGHBOURS);

    private final int neighbours;
    private final FixedSetCache<Double> floor = new FixedSetCache<>();

    @Inject
    public C2stMetric(Settings settings) {
        this.neighbours = settings.get(NEIGHBOURS);
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        int d = (int) e.data().points().columns();
        long generatedSeed = e.rng().nextLong();
        long floorSeed = e.rng().nextLong();
        double[] x = Points.flat(e.data().points());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(NAME, accuracy(Points.flat(e.generated()), x, d, neighbours, new SplittableRandom(generatedSeed)));
        out.put(NAME + "_floor", floor.keyed(floorSeed, () -> accuracy(Points.flat(e.reference().points()), x, d, neighbours,
                new SplittableRandom(floorSeed)), e.reference(), e.data()));
        return out;
    }

    /**
     * The held-out accuracy of a k-NN classifier told to separate row-major {@code y [n, d]} from {@code x [m, d]},
     * trained and tested as the class documents, with random orders from {@code rng}.
     */
    static double accuracy(double[] y, double[] x, int d, int k, SplittableRandom rng) {
        int s = Math.min(y.length / d, x.length / d);
        int half = s / 2;
        if (half < 1 || s - half < 1) {
            throw new IllegalArgumentException(NAME + " needs at least two points in each set, got " + y.length / d + " and " + x.length / d);
        }
        int[] yOrder = Draws.permutation(y.length / d, rng);
        int[] xOrder = Draws.permutation(x.length / d, rng);
        double[] train = new double[2 * half * d];
        boolean[] trainGenerated = new boolean[2 * half];
        double[] test = new double[2 * (s - half) * d];
        boolean[] testGenerated = new boolean[2 * (s - half)];
        for (int r = 0; r < s; r++) {
            boolean training = r < half;
            int row = training ? r : r - half;
            int perSet = training ? half : s - half;
            double[] target = training ? train : test;
            boolean[] generated = training ? trainGenerated : testGenerated;
            System.arraycopy(y, yOrder[r] * d, target, row * d, d);
            generated[row] = true;
            System.arraycopy(x, xOrder[r] * d, target, (perSet + row) * d, d);
        }
        int votes = Math.min(k, 2 * half - 1);
        int[] correct = {0};
        int trainRows = 2 * half;
        PairBlocks.forEach(test, train, d, (start, rows, squared) -> {
            int[] nearest = new int[votes];
            for (int i = 0; i < rows; i++) {
                nearestIndices(squared, i * trainRows, trainRows, nearest);
                int generatedVotes = 0;
                for (int j : nearest) {
                    generatedVotes += trainGenerated[j] ? 1 : 0;
                }
                correct[0] += (2 * generatedVotes > votes) == testGenerated[start + i] ? 1 : 0;
            }
        });
        return (double) correct[0] / testGenerated.length;
    }


    /** The indices of the {@code out.length} smallest of {@code c[from..from+count)}, the first on ties, by insertion. */
    private static void nearestIndices(double[] c, int from, int count, int[] out) {
        int k = out.length;
        double[] best = new double[k];
        int filled = 0;
        for (int j = 0; j < count; j++) {
            double v = c[from + j];
            if (filled == k && v >= best[k - 1]) {
                continue;
            }
            int at = filled == k ? k - 1 : filled++;
            while (at > 0 && best[at - 1] > v) {
                best[at] = best[at - 1];
                out[at] = out[at - 1];
                at--;
            }
            best[at] = v;
            out[at] = j;
        }
    }

    /** {@code c2st 0.61 accuracy against 0.49 for data (0.5 is perfect)}, with {@code (indistinguishable)} near the floor. */
    @Override
    public Optional<String> verdict(String name, Map<String, Double> row) {
        Double accuracy = row.get(NAME);
        Double floorValue = row.get(NAME + "_floor");
        if (accuracy == null || floorValue == null) {
            return Optional.empty();
        }
        String words = accuracy <= floorValue + INDISTINGUISHABLE ? " (indistinguishable)" : "";
        return Optional.of(String.format(Locale.ROOT, "c2st %.2f accuracy against %.2f for data (0.5 is perfect)%s", accuracy, floorValue,
                words));
    }

    /**
     * The largest buffers at the evaluation sizes: the training and test copies of {@code s = min(n, m)} points from
     * each set, {@code 16 s d} bytes, and a block of 512 rows of distances, {@code 16 * 512 s} off-heap.
     */
    public static List<MemoryPart> memory(Settings settings, RunShape shape) {
        long s = Math.min(shape.evalSource(), shape.evalData());
        return List.of(new MemoryPart("the c2st metric's neighbour search", shape.largerEvalKey(),
                16 * s * shape.dimension() + 8L * (shape.evalSource() + shape.evalData()) * shape.dimension(), 16 * 512 * s, 2 * s * shape.dimension()));
    }
}
