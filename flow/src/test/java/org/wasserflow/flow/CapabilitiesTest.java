package org.wasserflow.flow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasserflow.api.Capability;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Law;
import org.wasserflow.api.Loss;
import org.wasserflow.api.Plugin;
import org.wasserflow.api.PluginKind;
import org.wasserflow.api.Seed;
import org.wasserflow.flow.config.ConfigLoader;
import org.wasserflow.flow.plugin.PluginRegistry;
import org.wasserflow.flow.problem.Problem;
import org.wasserflow.generators.GeneratorsModule;
import org.wasserflow.ot.OtModule;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.w2.W2Module;

/** The rules by which declared capabilities must fit together, each failing in one line that names the key. */
class CapabilitiesTest {

    /** A loss that declares no ground cost. */
    static final class Costless implements Loss {
    }

    private static final Plugin COSTLESS = Plugin.loss("costless", Costless.class, "a loss without a ground cost");
    private static final FlowConfig TARGETS = new FlowConfig(1, 5, 64, FlowConfig.Update.TARGETS);

    @Test
    void aCostGenericEstimatorNeedsALossWithAGroundCost() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Capabilities.check(COSTLESS, OtModule.SINKHORN, GeneratorsModule.MLP, TARGETS));
        assertEquals("potential", e.key());
        assertTrue(e.getMessage().contains("requires a ground cost c(y, x), which loss 'costless' does not provide"), e.getMessage());
        assertDoesNotThrow(() -> Capabilities.check(W2Module.LOSS, OtModule.SINKHORN, GeneratorsModule.MLP, TARGETS));
        assertDoesNotThrow(() -> Capabilities.check(COSTLESS, W2Module.NEURAL_DUAL, GeneratorsModule.MLP, TARGETS));
        assertThrows(UnsupportedOperationException.class, () -> new Costless().cost(), "the SPI's default says so too");
    }

    @Test
    void ganUpdatesNeedAGeneratorThatDescends() {
        FlowConfig gan = new FlowConfig(1, 5, 64, FlowConfig.Update.GAN);
        ConfigException e = assertThrows(ConfigException.class,
                () -> Capabilities.check(W2Module.LOSS, OtModule.EXACT_OT, GeneratorsModule.PARTICLES, gan));
        assertEquals("flow.update", e.key());
        assertTrue(e.getMessage().contains("'gan' for key 'flow.update': expected targets: generator 'particles' provides no gradient steps"),
                e.getMessage());
        assertDoesNotThrow(() -> Capabilities.check(W2Module.LOSS, OtModule.EXACT_OT, GeneratorsModule.MLP, gan));
        assertDoesNotThrow(() -> Capabilities.check(W2Module.LOSS, OtModule.EXACT_OT, GeneratorsModule.PARTICLES, TARGETS));
    }

    @Test
    void anAssignmentNeedsEqualBatches() {
        ConfigException e = assertThrows(ConfigException.class, () -> Capabilities.equalBatches(OtModule.EXACT_OT, 64, 32));
        assertTrue(e.getMessage().contains("requires generated and data batches of equal size"), e.getMessage());
        assertDoesNotThrow(() -> Capabilities.equalBatches(OtModule.SINKHORN, 64, 32));
        assertDoesNotThrow(() -> Capabilities.equalBatches(OtModule.EXACT_OT, 64, 64));
    }

    private static RunPlan plan(String... overrides) {
        return RunPlan.of(new ConfigLoader().load(Path.of("..", "configs", "ring-w2.properties"), List.of(overrides)),
                CapabilitiesTest.class.getClassLoader(), List.of());
    }

    /** The ring's laws as a run constructs them. */
    private static Problem.Laws laws(RunPlan plan) {
        PluginRegistry registry = PluginRegistry.wire(plan.sources(), new Seed(1));
        Law source = registry.create(PluginKind.LAW, plan.plugin("source"), plan.view("source", plan.plugin("source")), null);
        Law data = registry.create(PluginKind.LAW, plan.plugin("data"), plan.view("data", plan.plugin("data")), null);
        return new Problem.Laws(source, data, data);
    }

    @Test
    void particlesNeedOneBatchSize() {
        RunPlan p = plan("generator=particles", "potential=exact-ot", "flow.batch=64");
        ConfigException e = assertThrows(ConfigException.class, () -> Capabilities.check(p, laws(p), Memory.shape(p, 2, 2000, 2000)));
        assertEquals("flow.batch", e.key());
        assertDoesNotThrow(() -> Capabilities.check(p, laws(p), Memory.shape(p, 2, 64, 64)));
        RunPlan mlp = plan("flow.batch=64");
        assertDoesNotThrow(() -> Capabilities.check(mlp, laws(mlp), Memory.shape(mlp, 2, 2000, 2000)));
    }

    @Test
    void aMetricsRequirementsComeFromItsDescriptorAndAreCheckedAgainstTheLaws() {
        RunPlan modes = plan("metrics=w2,modes");
        assertTrue(modes.metrics().get(1).plugin().requires().contains(Capability.MODES), "declared on the descriptor");
        assertDoesNotThrow(() -> Capabilities.check(modes, laws(modes), Memory.shape(modes, 2, 100, 100)), "the ring is a mixture");
        RunPlan labels = plan("metrics=w2,nn-accuracy");
        ConfigException e = assertThrows(ConfigException.class, () -> Capabilities.check(labels, laws(labels), Memory.shape(labels, 2, 100, 100)));
        assertEquals("metrics", e.key());
        assertTrue(e.getMessage().contains("metric 'nn-accuracy' requires labels on the source, but source 'gaussian' is unlabelled"),
                e.getMessage());
        RunPlan sizes = plan("metrics=w2");
        ConfigException unequal = assertThrows(ConfigException.class, () -> Capabilities.check(sizes, laws(sizes), Memory.shape(sizes, 2, 100, 50)));
        assertTrue(unequal.getMessage().contains("metric 'w2' requires evaluation sets of equal size, but eval.source_size gives 100 points "
                + "and eval.data_size 50"), unequal.getMessage());
    }

    @Test
    void aLawFittedToTheDataCanOnlyBeTheSource() {
        for (String role : List.of("data", "eval_data")) {
            ConfigException e = assertThrows(ConfigException.class, () -> plan(role + "=gaussian-fit"));
            assertEquals(role, e.key());
            assertTrue(e.getMessage().contains("'gaussian-fit' requires the run's data law to fit itself to, so it can only be the source"),
                    e.getMessage());
        }
        assertDoesNotThrow(() -> plan("source=gaussian-fit"));
    }

    @Test
    void aSourceOfAnotherDimensionIsRefused() {
        RunPlan p = plan("source.dim=3");
        ConfigException e = assertThrows(ConfigException.class, () -> Capabilities.check(p, laws(p), Memory.shape(p, 2, 100, 100)));
        assertEquals("source", e.key());
        assertTrue(e.getMessage().contains("like data 'gaussian-mixture'") && e.getMessage().contains("it has dimension 3"), e.getMessage());
    }
}
