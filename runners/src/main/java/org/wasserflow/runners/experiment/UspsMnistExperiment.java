package org.wasserflow.runners.experiment;

import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.Assignment;
import org.wasserflow.ot.LinearAssignment;
import org.wasserflow.runners.data.Digits;
import org.wasserflow.runners.data.MnistReader;
import org.wasserflow.runners.data.NearestNeighbour;
import org.wasserflow.runners.data.UspsReader;

/**
 * USPS to MNIST domain adaptation (docs/math.md section 6): the source law is USPS train images, the data law MNIST
 * train images resized to 16x16, both with grey values in [-1, 1]. The metric, {@code accuracy}, is that of a
 * 1-nearest-neighbour classifier fitted on G(USPS train) with the USPS labels, on MNIST test images. Every
 * evaluation also reports the two baselines: {@code baseline_no_transport} (1-NN fitted on raw USPS) and
 * {@code baseline_exact_ot} (1-NN fitted on the MNIST images that an exact assignment between USPS train and
 * an equal-size MNIST train sample gives each USPS image), computed once. Data files are checked at
 * construction and read on first use.
 */
public final class UspsMnistExperiment implements Experiment {

    /** The name this experiment is registered under. */
    public static final String NAME = "usps-mnist";

    private final UspsMnistConfig config;
    private final SplittableRandom train;
    private final long baselineSeed;
    private Digits usps;
    private Digits mnistTrain;
    private Digits mnistTest;
    private INDArray uspsAll;
    private INDArray testImages;
    private int[] testLabels;
    private Map<String, Double> baselines;

    @Inject
    public UspsMnistExperiment(Settings settings, Seed seed) {
        this.config = UspsMnistConfig.from(settings);
        for (Path p : new Path[] {config.usps("zip.train.gz"), config.mnist("train-images-idx3-ubyte"),
            config.mnist("train-labels-idx1-ubyte"), config.mnist("t10k-images-idx3-ubyte"), config.mnist("t10k-labels-idx1-ubyte")}) {
            org.wasserflow.api.ConfigException.require(java.nio.file.Files.isRegularFile(p), UspsMnistConfig.DATA_KEY,
                    config.dataDir(), "a directory holding " + config.dataDir().relativize(p) + " (missing)");
        }
        this.train = new SplittableRandom(seed.derive("usps_mnist.train"));
        this.baselineSeed = seed.derive("usps_mnist.baseline");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public INDArray source(int m) {
        load();
        return sample(usps, m);
    }

    @Override
    public INDArray data(int m) {
        load();
        return sample(mnistTrain, m);
    }

    /** All USPS train images: the data are read here if not yet. */
    @Override
    public int evaluationBatch() {
        load();
        return usps.count();
    }

    @Override
    public Map<String, Double> evaluate(Generator generator) {
        load();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", new NearestNeighbour(generator.generate(uspsAll), usps.labels()).accuracy(testImages, testLabels));
        out.putAll(baselines());
        return out;
    }

    @Override
    public void plot(Generator generator, Path png) throws IOException {
        load();
        int n = 16;
        INDArray in = uspsAll;
        INDArray out = generator.generate(uspsAll);
        int scale = 4;
        BufferedImage img = new BufferedImage(n * 17 * scale, 2 * 17 * scale, BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < 2; row++) {
            INDArray src = row == 0 ? in : out;
            for (int k = 0; k < n; k++) {
                int idx = k * (usps.count() / n);
                for (int p = 0; p < Digits.SIZE; p++) {
                    int grey = (int) Math.round((Math.max(-1, Math.min(1, src.getDouble(idx, p))) + 1) * 127.5);
                    for (int a = 0; a < scale; a++) {
                        for (int b = 0; b < scale; b++) {
                            img.getRaster().setSample((k * 17 + p % 16) * scale + b, (row * 17 + p / 16) * scale + a, 0, grey);
                        }
                    }
                }
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }

    /** The baselines, computed on first use. */
    private Map<String, Double> baselines() {
        if (baselines == null) {
            baselines = new LinkedHashMap<>();
            baselines.put("baseline_no_transport", new NearestNeighbour(uspsAll, usps.labels()).accuracy(testImages, testLabels));
            if (config.exactOtBaseline()) {
                baselines.put("baseline_exact_ot", exactOtBaseline());
            }
        }
        return baselines;
    }

    /** 1-NN fitted on the MNIST image the exact assignment gives each USPS train image, with its USPS label. */
    private double exactOtBaseline() {
        int n = usps.count();
        INDArray target = sample(mnistTrain, n, new SplittableRandom(baselineSeed));
        INDArray cost = squaredDistances(uspsAll, target);
        Assignment a = new LinearAssignment().solve(cost.data().asDouble(), n);
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) {
            cols[i] = a.colOf(i);
        }
        INDArray assigned = target.getRows(cols);
        return new NearestNeighbour(assigned, usps.labels()).accuracy(testImages, testLabels);
    }

    private static INDArray squaredDistances(INDArray a, INDArray b) {
        INDArray an = a.mul(a).sum(1).reshape(a.rows(), 1).castTo(DataType.DOUBLE);
        INDArray bn = b.mul(b).sum(1).reshape(1, b.rows()).castTo(DataType.DOUBLE);
        return a.castTo(DataType.DOUBLE).mmul(b.castTo(DataType.DOUBLE).transpose()).muli(-2).addiColumnVector(an).addiRowVector(bn);
    }

    private INDArray sample(Digits d, int m) {
        return sample(d, m, train);
    }

    private static INDArray sample(Digits d, int m, SplittableRandom rnd) {
        float[] out = new float[m * Digits.SIZE];
        for (int i = 0; i < m; i++) {
            System.arraycopy(d.pixels(), rnd.nextInt(d.count()) * Digits.SIZE, out, i * Digits.SIZE, Digits.SIZE);
        }
        return Nd4j.create(out, new long[] {m, Digits.SIZE}, 'c');
    }

    private void load() {
        if (usps != null) {
            return;
        }
        String key = UspsMnistConfig.DATA_KEY;
        usps = UspsReader.read(config.usps("zip.train.gz"), key);
        mnistTrain = MnistReader.read(config.mnist("train-images-idx3-ubyte"), config.mnist("train-labels-idx1-ubyte"), key);
        mnistTest = MnistReader.read(config.mnist("t10k-images-idx3-ubyte"), config.mnist("t10k-labels-idx1-ubyte"), key);
        uspsAll = Nd4j.create(usps.pixels(), new long[] {usps.count(), Digits.SIZE}, 'c');
        int e = Math.min(config.evalSize(), mnistTest.count());
        testImages = Nd4j.create(java.util.Arrays.copyOf(mnistTest.pixels(), e * Digits.SIZE), new long[] {e, Digits.SIZE}, 'c');
        testLabels = java.util.Arrays.copyOf(mnistTest.labels(), e);
    }
}
