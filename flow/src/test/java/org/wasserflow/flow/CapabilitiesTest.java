package org.wasserflow.flow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wasserflow.api.ConfigException;
import org.wasserflow.api.Loss;
import org.wasserflow.api.Plugin;
import org.wasserflow.generators.GeneratorsModule;
import org.wasserflow.ot.OtModule;
import org.wasserflow.flow.config.FlowConfig;
import org.wasserflow.w2.W2Module;

/** The rules by which declared capabilities must fit together, each failing in one line that names the key. */
class CapabilitiesTest {

    /** A loss that declares no ground cost. */
    static final class Costless implements Loss {
        @Override
        public String name() {
            return "costless";
        }
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

    @Test
    void particlesNeedOneBatchSize() {
        assertThrows(ConfigException.class, () -> Capabilities.fixedBatch(GeneratorsModule.PARTICLES, 64, 2000));
        assertDoesNotThrow(() -> Capabilities.fixedBatch(GeneratorsModule.PARTICLES, 2000, 2000));
        assertDoesNotThrow(() -> Capabilities.fixedBatch(GeneratorsModule.MLP, 64, 2000));
    }
}
