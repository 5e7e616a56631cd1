package org.wasserflow.problems.readers;

import java.util.Arrays;

/** A growable array of ints, for labels read row by row. */
final class IntBuffer {

    private int[] data = new int[256];
    private int size;

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    /** The values added so far, in a new array. */
    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
