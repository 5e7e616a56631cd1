package org.wasserflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wasserflow.api.MemoryPart;
import org.wasserflow.api.RunShape;

/**
 * {@link TapeMemory} against what a {@link Tape} really allocates, field by field, so that a buffer added to the
 * tape without its estimate fails here; and the parameter count against {@link Parameters}.
 */
class TapeMemoryTest {

    @Test
    void theEstimateIsWhatATapeAllocatesOnAndOffTheHeap() throws IllegalAccessException {
        int[] hidden = {16, 24};
        for (MlpSpec.Norm norm : MlpSpec.Norm.values()) {
            MlpSpec spec = new MlpSpec(3, hidden, 2, norm, false, 0.1);
            Tape tape = new Tape(spec, 10, DataType.FLOAT);
            long offHeap = 0;
            long heap = 0;
            Set<INDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Field f : Tape.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(tape);
                if (v instanceof INDArray a && seen.add(a)) {
                    offHeap += a.length() * 4;
                } else if (v instanceof INDArray[] arrays) {
                    for (INDArray a : arrays) {
                        // [1, w] column statistics are too small to count
                        if (a != null && a.rows() > 1 && seen.add(a)) {
                            offHeap += a.length() * 4;
                        }
                    }
                } else if (v instanceof float[] floats) {
                    heap += floats.length * 4L;
                }
            }
            MemoryPart part = TapeMemory.tapes("a tape", RunShape.BATCH, 1, 10, 3, hidden, 2, norm == MlpSpec.Norm.BATCH);
            assertEquals(offHeap, part.offHeap(), norm + ": off-heap");
            assertEquals(heap, part.heap(), norm + ": heap");
            assertEquals(10 * 24, part.largestArray());
        }
    }

    @Test
    void theParameterCountIsTheNetworks() {
        int[] hidden = {5, 7};
        for (MlpSpec.Norm norm : MlpSpec.Norm.values()) {
            Mlp net = new Mlp(new MlpSpec(3, hidden, 2, norm, false, 0.1), Nd4j.getRandomFactory().getNewRandomInstance(1));
            assertEquals(net.parameters().size(), TapeMemory.parameters(3, hidden, 2, norm == MlpSpec.Norm.BATCH), norm.toString());
        }
    }
}
