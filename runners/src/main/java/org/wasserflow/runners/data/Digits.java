package org.wasserflow.runners.data;

/**
 * Labelled 16x16 grey-value digit images, row-major, values in [-1, 1].
 *
 * @param pixels {@code [n * 256]}, row-major per image, image after image
 * @param labels {@code [n]}, digits 0..9
 */
public record Digits(float[] pixels, int[] labels) {

    /** Pixels per image (16 x 16). */
    public static final int SIZE = 256;

    public Digits {
        if (pixels.length != labels.length * SIZE) {
            throw new IllegalArgumentException(labels.length + " labels but " + pixels.length + " pixels");
        }
    }

    /** The number of images. */
    public int count() {
        return labels.length;
    }
}
