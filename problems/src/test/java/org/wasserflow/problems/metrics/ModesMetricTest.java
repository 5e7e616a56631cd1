package org.wasserflow.problems.metrics;

import java.util.SplittableRandom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Mixture;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.Settings;
import org.wasserflow.api.testkit.Contracts;
import org.wasserflow.api.testkit.MetricContract;
import org.wasserflow.problems.ProblemsModule;
import org.wasserflow.ot.Points;
import org.wasserflow.problems.laws.GaussianMixtureLaw;

class ModesMetricTest extends MetricContract {

    @Override
    protected Plugin plugin() {
        return ProblemsModule.MODES;
    }

    @Override
    protected Metric create(Settings settings) {
        return new ModesMetric(settings);
    }

    @Override
    protected Map<String, String> invalidSettings() {
        return Map.of("modes.share", "1.5");
    }

    @Override
    protected java.util.Set<String> columnPrefixes() {
        return java.util.Set.of("hq_", "modes_", "mode_weight_");
    }

    @Override
    protected Evaluation evaluation() {
        GaussianMixtureLaw law = Fixtures.ring();
        return Fixtures.ring(Fixtures.blobs(law.mixture().orElseThrow(), 80, 0.1, 1.5, new SplittableRandom(2)), law, 3);
    }

    private static Map<String, Double> modes(INDArray generated, GaussianMixtureLaw law) {
        return new ModesMetric(Contracts.settings(ProblemsModule.MODES, Map.of())).evaluate(Fixtures.ring(generated, law, 21));
    }

    @Test
    void aSampleOfTheMixtureIsHighQualityAndCoversEveryMode() {
        GaussianMixtureLaw law = Fixtures.ring();
        Map<String, Double> columns = modes(law.sample(2000, new SplittableRandom(20)).points(), law);
        assertEquals(0.989, columns.get("hq_fraction"), 0.008);
        assertEquals(8.0, columns.get("modes_covered"));
    }

    @Test
    void aSampleMissingThreeModesCoversTheOthers() {
        GaussianMixtureLaw law = Fixtures.ring();
        INDArray all = law.stratified(2000, new SplittableRandom(22)).points();
        INDArray kept = all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1250), org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray generated = org.nd4j.linalg.factory.Nd4j.vstack(kept, all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 750),
                org.nd4j.linalg.indexing.NDArrayIndex.all()));
        assertEquals(5.0, modes(generated, law).get("modes_covered"), "the stratified set is in mode order: modes 5, 6, 7 dropped");
    }

    /** One mode's points replaced by its neighbour's: an eighth of the mass is on the wrong mode. */
    @Test
    void theWeightDistanceIsTheMassOnTheWrongModes() {
        GaussianMixtureLaw law = Fixtures.ring();
        INDArray all = law.stratified(2000, new SplittableRandom(25)).points();
        assertEquals(0, modes(all.dup(), law).get("mode_weight_tv"), 0.01, "a stratified set has the data's shares");
        INDArray moved = all.dup();
        moved.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 250), org.nd4j.linalg.indexing.NDArrayIndex.all())
                .assign(all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(250, 500), org.nd4j.linalg.indexing.NDArrayIndex.all()));
        assertEquals(0.125, modes(moved, law).get("mode_weight_tv"), 0.01, "mode 0's 250 points are mode 1's");
        double drawn = modes(law.sample(2000, new SplittableRandom(26)).points(), law).get("mode_weight_tv");
        assertTrue(drawn > 0.005 && drawn < 0.06, "independent draws carry the multinomial imbalance: " + drawn);
    }

    @Test
    void theRadiusKeepsTheSameMassInEveryDimension() {
        GaussianMixtureLaw law = Fixtures.mixture(Map.of("law.layout", "list", "law.centres", "0 0 0 0 0 0 0 0 0 0; 5 0 0 0 0 0 0 0 0 0"));
        Mixture mixture = law.mixture().orElseThrow();
        double radius = ModeAssignment.radius(mixture);
        assertEquals(0.1 * Math.sqrt(22.9034), radius, 1e-4, "chi-square(10) quantile at 1 - exp(-4.5), scipy.stats.chi2.ppf");
        assertEquals(0.3, ModeAssignment.radius(Fixtures.ring().mixture().orElseThrow()), 1e-9, "3 std in 2-D");
        Map<String, Double> columns = modes(law.sample(4000, new SplittableRandom(23)).points(), law);
        assertEquals(0.989, columns.get("hq_fraction"), 0.006);
        assertEquals(2.0, columns.get("modes_covered"));
        int[] within3Std = ModeAssignment.counts(ModeAssignment.assign(Points.flat(
                law.sample(4000, new SplittableRandom(24)).points()), mixture, 0.3), 2);
        assertEquals(0.468, (within3Std[0] + within3Std[1]) / 4000.0, 0.03, "3 std in d = 10 keeps chi2(10).cdf(9) = 0.468");
    }
}
