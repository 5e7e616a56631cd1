package org.wasserflow.ot;

/**
 * {@code exp(x)} for {@code x <= 0} in float, by range reduction {@code x = k ln 2 + r} and a degree-6
 * polynomial for {@code e^r} on {@code |r| <= ln2 / 2}: relative error below 2e-7, branch-free, so loops
 * over arrays vectorise. Arguments below -87 give 0.
 */
final class FastExp {

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    private FastExp() {
    }

    static float exp(float x) {
        float clamped = Math.max(x, -87f);
        float k = (float) Math.rint(clamped * LOG2E);
        float r = clamped - k * LN2_HI - k * LN2_LO;
        float p = 1.3888889e-3f;
        p = p * r + 8.3333333e-3f;
        p = p * r + 4.1666667e-2f;
        p = p * r + 1.6666667e-1f;
        p = p * r + 0.5f;
        p = p * r + 1f;
        p = p * r + 1f;
        float scale = Float.intBitsToFloat(((int) k + 127) << 23);
        return x < -87f ? 0f : p * scale;
    }
}
