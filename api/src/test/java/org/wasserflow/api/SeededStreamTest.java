package org.wasserflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The checkpointable stream draws what SplittableRandom draws, and continues exactly from a saved state. */
class SeededStreamTest {

    @Test
    void drawsWhatSplittableRandomDraws() {
        SplittableRandom reference = new SplittableRandom(42);
        SeededStream stream = new SeededStream(42);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(reference.nextLong(), stream.nextLong());
            assertEquals(reference.nextInt(), stream.nextInt());
            assertEquals(reference.nextInt(7), stream.nextInt(7));
            assertEquals(reference.nextInt(1 << 20), stream.nextInt(1 << 20));
            assertEquals(reference.nextDouble(), stream.nextDouble());
        }
    }

    @Test
    void continuesExactlyFromASavedState() {
        SeededStream a = new Seed(3).stream("x");
        a.nextDouble();
        SeededStream b = new SeededStream(0);
        b.restore(a.state());
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }
}
