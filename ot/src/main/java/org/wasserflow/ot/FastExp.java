package org.wasserflow.ot;

/**
 * {@code exp(x)} for {@code x <= 0} in float, by range reduction {@code x = k ln 2 + r} and a degree-6
 * polynomial for {@code e^r} on {@code |r| <= ln2 / 2}: relative error below 1e-6, branch-free and
 * without calls, so loops over arrays vectorise. Arguments below -87 give about 1.6e-38.
 */
final class FastExp {

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    private FastExp() {
    }

    /** {@code e^x} for {@code x <= 0}; {@code (int) (y - 0.5)} rounds {@code y <= 0} to the nearest integer. */
    static float exp(float x) {
        float clamped = Math.max(x, -87f);
        int ki = (int) (clamped * LOG2E - 0.5f);
        float k = ki;
        float r = clamped - k * LN2_HI - k * LN2_LO;
        float p = 1.3888889e-3f;
        p = p * r + 8.3333333e-3f;
        p = p * r + 4.1666667e-2f;
        p = p * r + 1.6666667e-1f;
        p = p * r + 0.5f;
        p = p * r + 1f;
        p = p * r + 1f;
        return p * Float.intBitsToFloat((ki + 127) << 23);
    }
}
