package org.wasserflow.runners.experiment;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Generator;
import org.wasserflow.api.Seed;
import org.wasserflow.api.Settings;
import org.wasserflow.ot.EmpiricalTransport;
import org.wasserflow.ot.Points;
import org.wasserflow.runners.report.ScatterPlot;

/**
 * Gaussians on a ring (docs/math.md section 6): data is an equal mixture of {@code modes} Gaussians centred at
 * {@code radius * (cos 2 pi k / modes, sin 2 pi k / modes)}; the source is {@code N(0, sourceStd^2 I)}.
 * Metrics on a fixed evaluation set: exact empirical W2 and W1 against data, their data-vs-data floors,
 * the high-quality fraction and the modes covered ({@link RingMetrics}).
 */
public final class RingExperiment implements Experiment {

    /** The name this experiment is registered under. */
    public static final String NAME = "ring";

    private final RingConfig config;
    private final SplittableRandom train;
    private final double[] centres;
    private final INDArray evalSource;
    private final double[] evalData;
    private final double[] floorData;
    private final EmpiricalTransport transport = new EmpiricalTransport();
    private double w2Floor = Double.NaN;
    private double w1Floor = Double.NaN;

    @Inject
    public RingExperiment(Settings settings, Seed seed) {
        this.config = RingConfig.from(settings);
        this.train = new SplittableRandom(seed.derive("ring.train"));
        this.centres = new double[2 * config.modes()];
        for (int k = 0; k < config.modes(); k++) {
            centres[2 * k] = config.radius() * Math.cos(2 * Math.PI * k / config.modes());
            centres[2 * k + 1] = config.radius() * Math.sin(2 * Math.PI * k / config.modes());
        }
        SplittableRandom eval = new SplittableRandom(seed.derive("ring.eval"));
        this.evalSource = gaussian(eval, config.evalSize(), config.sourceStd());
        this.evalData = mixture(eval, config.evalSize());
        this.floorData = mixture(eval, config.evalSize());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The centres as row-major {@code [modes, 2]}. */
    public double[] centres() {
        return centres.clone();
    }

    @Override
    public INDArray source(int m) {
        return gaussian(train, m, config.sourceStd());
    }

    @Override
    public INDArray data(int m) {
        return toArray(mixture(train, m), m);
    }

    @Override
    public int evaluationBatch() {
        return config.evalSize();
    }

    @Override
    public Map<String, Double> evaluate(Generator generator) {
        if (Double.isNaN(w2Floor)) {
            w2Floor = transport.w2(floorData, evalData, 2);
            w1Floor = transport.w1(floorData, evalData, 2);
        }
        double[] y = generated(generator);
        RingMetrics.Quality q = RingMetrics.quality(y, centres, config.std());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("w2", transport.w2(y, evalData, 2));
        out.put("w1", transport.w1(y, evalData, 2));
        out.put("w2_floor", w2Floor);
        out.put("w1_floor", w1Floor);
        out.put("hq_fraction", q.highQualityFraction());
        out.put("modes_covered", (double) q.modesCovered());
        return out;
    }

    @Override
    public void plot(Generator generator, Path png) throws IOException {
        double[] y = generated(generator);
        ScatterPlot.write(png, "8 Gaussians: generated vs data", evalData, y);
    }

    private double[] generated(Generator generator) {
        return Points.flat(generator.generate(evalSource));
    }

    private double[] mixture(SplittableRandom rnd, int m) {
        double[] out = new double[2 * m];
        for (int i = 0; i < m; i++) {
            int k = rnd.nextInt(config.modes());
            out[2 * i] = centres[2 * k] + config.std() * normal(rnd);
            out[2 * i + 1] = centres[2 * k + 1] + config.std() * normal(rnd);
        }
        return out;
    }

    private static INDArray gaussian(SplittableRandom rnd, int m, double std) {
        double[] out = new double[2 * m];
        for (int i = 0; i < out.length; i++) {
            out[i] = std * normal(rnd);
        }
        return toArray(out, m);
    }

    private static INDArray toArray(double[] values, int m) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Nd4j.create(f, new long[] {m, 2}, 'c');
    }

    /** A standard normal draw by the Box-Muller transform (SplittableRandom has no nextGaussian on Java 17). */
    private static double normal(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
