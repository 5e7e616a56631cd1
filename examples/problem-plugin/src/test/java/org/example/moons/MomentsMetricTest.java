package org.example.moons;

import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Sample;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.MetricContract;

/** The moments metric against wasserflow's contract kit, and its closed forms. */
class MomentsMetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return MoonsModule.MOMENTS;
    }

    @Override
    protected Metric create(Settings settings) {
        return new MomentsMetric(settings);
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("moments.relative", "maybe");
    }

    @Override
    protected Evaluation evaluation() {
        Sample data = new TwoMoonsLaw(Settings.of(Map.of(), MoonsModule.TWO_MOONS.settings())).sample(300, new SplittableRandom(1));
        INDArray generated = data.points().add(0.5f);
        return new Evaluation(Sample.of(generated.dup()), generated, data, data, Optional.empty(), new SplittableRandom(2));
    }

    @Test
    void aTranslationMovesTheMeanAndNotTheCovariance() {
        INDArray x = Nd4j.randn(Nd4j.getRandomFactory().getNewRandomInstance(3), 400, 2).castTo(DataType.FLOAT);
        INDArray g = x.add(Nd4j.createFromArray(3f, 4f));
        Map<String, Double> m = create(Map.of()).evaluate(new Evaluation(Sample.of(g), g, Sample.of(x), Sample.of(x), Optional.empty(),
                new SplittableRandom(1)));
        assertEquals(5.0, m.get("moments_mean"), 1e-4);
        assertEquals(0.0, m.get("moments_cov"), 1e-4);
    }
}
