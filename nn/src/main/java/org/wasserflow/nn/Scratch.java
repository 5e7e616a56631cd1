package org.wasserflow.nn;

import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J workspace for the temporaries of one hot call (a training step): arrays created while it is open
 * live in a reused arena and die when it closes, which makes allocation about 15x cheaper than fresh
 * native allocations. Nothing created inside may escape; long-lived buffers are created with
 * {@link #outside}. One instance per component; not thread-safe.
 */
public final class Scratch {

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .build();

    private final String id;

    /** @param name a readable prefix; the workspace id is made unique per instance */
    public Scratch(String name) {
        this.id = name + "-" + Integer.toHexString(System.identityHashCode(this));
    }

    /** Opens (activates) the workspace; close it with try-with-resources. */
    public MemoryWorkspace open() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id);
    }

    /** Runs {@code body} with no workspace active, so that what it allocates outlives any open scope. */
    public static <T> T outside(Supplier<T> body) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return body.get();
        }
    }
}
