package org.wasserflow.problems.readers;

import java.util.Arrays;

/** A growable array of floats, for readers that do not know the row count in advance. */
final class FloatBuffer {

    private float[] data = new float[1024];
    private int size;

    void add(float v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(16, data.length * 2));
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    /** The values added so far, in a new array. */
    float[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
