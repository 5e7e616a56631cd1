package org.wasserflow.problems.digits;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.wasserflow.nn.Mlp;
import org.wasserflow.nn.MlpSpec;
import org.wasserflow.nn.Optimizer;
import org.wasserflow.nn.OptimizerConfig;
import org.wasserflow.nn.Tape;
import org.wasserflow.problems.laws.Draws;

/**
 * A digit classifier for square grey images in [-1, 1] of one side, trained by wasserflow's own networks
 * ({@link Mlp}, Adam): an MLP {@code side^2 -> 512 -> 256 -> 10} with ReLU and a linear output, trained by
 * softmax cross-entropy in batches of {@value #BATCH}, {@value #EPOCHS} epochs at learning rate 1e-3 then
 * {@value #FINE_EPOCHS} at 1e-4 (a fresh Adam), each training image shifted by a random whole number of pixels in
 * {@code [-1, 1]} in each direction (background -1 shifted in), all from the fixed seed {@value #SEED}. The
 * same data, side and recipe give the same parameters on one machine. Its penultimate layer, the 256 ReLU
 * units, is the feature map of the Frechet distance; its softmax the class probabilities of the coverage metric.
 * {@link #ARCHITECTURE} names the recipe in the cache key, so changing any of it here retrains.
 */
public final class DigitClassifier {

    /** The number of classes. */
    public static final int CLASSES = 10;
    /** The hidden widths; the last is the feature dimension. */
    static final int[] HIDDEN = {512, 256};
    static final int BATCH = 100;
    static final int EPOCHS = 10;
    static final int FINE_EPOCHS = 4;
    static final int MAX_SHIFT = 1;
    static final double INIT_STD = 0.05;
    /** The seed of the initial weights, the epoch orders and the shifts. */
    public static final long SEED = 20_260_529L;
    /** The recipe, in words, as the cache key and header record it. */
    public static final String ARCHITECTURE = String.format(Locale.ROOT,
            "mlp side^2-512-256-10 relu, init std %s, softmax cross-entropy, adam 1e-3 x %d + 1e-4 x %d epochs, batch %d, shifts +-%d px",
            INIT_STD, EPOCHS, FINE_EPOCHS, BATCH, MAX_SHIFT);

    /** Rows per block of inference, bounding its buffers. */
    private static final int BLOCK = 4096;

    private final int side;
    private final Mlp net;

    private DigitClassifier(int side, Mlp net) {
        this.side = side;
        this.net = net;
    }

    /** The network's specification for images of {@code side}. */
    static MlpSpec spec(int side) {
        return new MlpSpec(side * side, HIDDEN, CLASSES, MlpSpec.Norm.NONE, false, INIT_STD);
    }

    /** An untrained classifier for {@code side}, initialised from {@link #SEED}. */
    private static DigitClassifier fresh(int side) {
        return new DigitClassifier(side, new Mlp(spec(side), Nd4j.getRandomFactory().getNewRandomInstance(SEED)));
    }

    /** A classifier with the given flat parameters ({@link #parameters()} of one for the same side). */
    static DigitClassifier of(int side, float[] parameters) {
        DigitClassifier c = fresh(side);
        if (parameters.length != c.net.parameters().size()) {
            throw new IllegalArgumentException("a classifier of side " + side + " has " + c.net.parameters().size() + " parameters, got "
                    + parameters.length);
        }
        c.net.parameters().values().assign(Nd4j.createFromArray(parameters));
        return c;
    }

    /**
     * Trains a classifier on row-major {@code images [n, side^2]} with {@code labels} in {@code [0, 10)} by the
     * recipe of the class, reporting each epoch to {@code progress}.
     */
    static DigitClassifier train(float[] images, int[] labels, int side, Consumer<String> progress) {
        int d = side * side;
        int n = labels.length;
        if (images.length != n * d || n < BATCH) {
            throw new IllegalArgumentException("training needs at least " + BATCH + " images of " + d + " values with one label each, got "
                    + images.length + " values and " + n + " labels");
        }
        DigitClassifier c = fresh(side);
        Tape tape = c.net.newTape(BATCH);
        INDArray x = Nd4j.create(DataType.FLOAT, BATCH, d);
        INDArray dOut = Nd4j.create(DataType.FLOAT, BATCH, CLASSES);
        float[] batch = new float[BATCH * d];
        float[] grad = new float[BATCH * CLASSES];
        SplittableRandom rng = new SplittableRandom(SEED);
        long start = System.nanoTime();
        Optimizer adam = OptimizerConfig.adam(1e-3, 0.9, 0.999).create(c.net.parameters());
        for (int epoch = 0; epoch < EPOCHS + FINE_EPOCHS; epoch++) {
            if (epoch == EPOCHS) {
                adam = OptimizerConfig.adam(1e-4, 0.9, 0.999).create(c.net.parameters());
            }
            int[] order = Draws.permutation(n, rng);
            double loss = 0;
            int steps = n / BATCH;
            for (int s = 0; s < steps; s++) {
                int[] y = new int[BATCH];
                for (int r = 0; r < BATCH; r++) {
                    int i = order[s * BATCH + r];
                    shifted(images, i * d, side, rng.nextInt(-MAX_SHIFT, MAX_SHIFT + 1), rng.nextInt(-MAX_SHIFT, MAX_SHIFT + 1), batch, r * d);
                    y[r] = labels[i];
                }
                x.data().setData(batch);
                float[] logits = c.net.forward(tape, x).dup().data().asFloat();
                loss += softmaxCrossEntropy(logits, y, grad);
                dOut.data().setData(grad);
                c.net.backward(tape, dOut);
                adam.step();
            }
            progress.accept(String.format(Locale.ROOT, "epoch %d/%d, mean cross-entropy %.4f, %.0f s", epoch + 1, EPOCHS + FINE_EPOCHS,
                    loss / ((double) steps * BATCH), (System.nanoTime() - start) / 1e9));
        }
        return c;
    }

    /**
     * Writes the gradient of the mean softmax cross-entropy of {@code logits [B, 10]} against {@code y} with
     * respect to the logits into {@code grad}, {@code (softmax - onehot) / B}, and returns the summed loss of the rows.
     */
    static double softmaxCrossEntropy(float[] logits, int[] y, float[] grad) {
        int rows = y.length;
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < CLASSES; k++) {
                max = Math.max(max, logits[r * CLASSES + k]);
            }
            double sum = 0;
            for (int k = 0; k < CLASSES; k++) {
                sum += Math.exp(logits[r * CLASSES + k] - max);
            }
            for (int k = 0; k < CLASSES; k++) {
                double p = Math.exp(logits[r * CLASSES + k] - max) / sum;
                grad[r * CLASSES + k] = (float) ((p - (k == y[r] ? 1 : 0)) / rows);
            }
            loss += Math.log(sum) + max - logits[r * CLASSES + y[r]];
        }
        return loss;
    }

    /** Copies image {@code from} of {@code src} shifted by {@code (dy, dx)} pixels into {@code out[to..]}, -1 shifted in. */
    static void shifted(float[] src, int from, int side, int dy, int dx, float[] out, int to) {
        for (int i = 0; i < side; i++) {
            int si = i - dy;
            for (int j = 0; j < side; j++) {
                int sj = j - dx;
                out[to + i * side + j] = si < 0 || si >= side || sj < 0 || sj >= side ? -1f : src[from + si * side + sj];
            }
        }
    }

    /** The image side it takes. */
    public int side() {
        return side;
    }

    /** A copy of the flat parameters, in the network's layout. */
    float[] parameters() {
        return net.parameters().values().dup().data().asFloat();
    }

    /** The feature dimension: the width of the penultimate layer. */
    public int featureDimension() {
        return HIDDEN[HIDDEN.length - 1];
    }

    /**
     * The penultimate-layer activations of {@code images [n, side^2]} (any floating type, not modified), row-major
     * {@code [n, 256]}: {@code relu(relu(x W1 + b1) W2 + b2)}.
     */
    public float[] features(INDArray images) {
        if (images.columns() != (long) side * side) {
            throw new IllegalArgumentException("the classifier takes images of " + side + "x" + side + ", got " + images.columns() + " values");
        }
        int n = (int) images.rows();
        int f = featureDimension();
        float[] out = new float[n * f];
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            INDArray h = images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).castTo(DataType.FLOAT);
            for (int l = 0; l < HIDDEN.length; l++) {
                h = Transforms.relu(h.mmul(tensor(2 * l)).addiRowVector(tensor(2 * l + 1)), false);
            }
            System.arraycopy(h.dup('c').data().asFloat(), 0, out, from * f, (to - from) * f);
        }
        return out;
    }

    /** The class probabilities (softmax of the output layer) of row-major {@code features [n, 256]}, row-major {@code [n, 10]}. */
    public double[] probabilities(float[] features) {
        int f = featureDimension();
        int n = features.length / f;
        float[] logits = Nd4j.create(features, new long[] {n, f}, 'c').mmul(tensor(2 * HIDDEN.length))
                .addiRowVector(tensor(2 * HIDDEN.length + 1)).dup('c').data().asFloat();
        double[] p = new double[n * CLASSES];
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < CLASSES; k++) {
                max = Math.max(max, logits[r * CLASSES + k]);
            }
            double sum = 0;
            for (int k = 0; k < CLASSES; k++) {
                p[r * CLASSES + k] = Math.exp(logits[r * CLASSES + k] - max);
                sum += p[r * CLASSES + k];
            }
            for (int k = 0; k < CLASSES; k++) {
                p[r * CLASSES + k] /= sum;
            }
        }
        return p;
    }

    /** The fraction of {@code images [n, side^2]} whose most probable class is their label. */
    public double accuracy(INDArray images, int[] labels) {
        double[] p = probabilities(features(images));
        int correct = 0;
        for (int r = 0; r < labels.length; r++) {
            correct += argmax(p, r) == labels[r] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    /** The most probable class of row {@code r} of row-major probabilities {@code [n, 10]}, the first on ties. */
    public static int argmax(double[] p, int r) {
        int best = 0;
        for (int k = 1; k < CLASSES; k++) {
            if (p[r * CLASSES + k] > p[r * CLASSES + best]) {
                best = k;
            }
        }
        return best;
    }

    private INDArray tensor(int i) {
        return net.parameters().get(i).value();
    }
}
