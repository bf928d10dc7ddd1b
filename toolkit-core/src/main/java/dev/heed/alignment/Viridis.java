package dev.heed.alignment;

import java.awt.Color;

/**
 * The viridis colour scale (dark purple at 0, through blue and green, to yellow at 1): perceptually uniform,
 * readable with the common colour-vision deficiencies and in grey. Computed by the degree-6 polynomial fit
 * the HTML viewer uses too, within a few units of matplotlib's table. Stateless.
 */
final class Viridis {

    private static final double[][] C = {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832}};
    private static final Color[] TABLE = new Color[256];

    static {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int[] rgb = new int[3];
            for (int c = 0; c < 3; c++) {
                double v = C[6][c];
                for (int k = 5; k >= 0; k--) {
                    v = C[k][c] + t * v;
                }
                rgb[c] = (int) Math.max(0, Math.min(255, Math.round(255 * v)));
            }
            TABLE[i] = new Color(rgb[0], rgb[1], rgb[2]);
        }
    }

    private Viridis() {
    }

    /** The colour of {@code weight}, clamped to {@code [0, 1]} and taken in 256 steps, as the viewer does. */
    static Color of(float weight) {
        float v = Math.max(0f, Math.min(1f, weight));
        return TABLE[Math.round(v * 255)];
    }
}
