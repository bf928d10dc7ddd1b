package dev.heed.alignment;

import java.awt.Color;

/**
 * The colour scale of the PNG heat map and the HTML viewer: ColorBrewer's YlGnBu (near-white at 0, through
 * yellow-green and blue, to dark navy at 1), interpolated linearly between its nine classes in 256 steps.
 * It is colour-blind safe (ColorBrewer) and its lightness falls steadily with the weight, so it reads in grey
 * too; near-white means no attention, so weak weights recede into the page and strong ones stand out, in the
 * matrix and on highlighted tokens alike (a scale dark at 0, such as viridis, made the faintest tokens look
 * the most highlighted). Stateless.
 */
final class ColourScale {

    /** The scale's name, as the legends say it. */
    static final String NAME = "YlGnBu";

    private static final int[] CLASSES = {0xffffd9, 0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x1d91c0, 0x225ea8,
        0x253494, 0x081d58};
    private static final Color[] TABLE = new Color[256];

    static {
        for (int i = 0; i < 256; i++) {
            double x = i / 255.0 * (CLASSES.length - 1);
            int k = Math.min(CLASSES.length - 2, (int) Math.floor(x));
            double f = x - k;
            int[] rgb = new int[3];
            for (int c = 0; c < 3; c++) {
                int shift = 16 - 8 * c;
                int a = (CLASSES[k] >> shift) & 0xff;
                int b = (CLASSES[k + 1] >> shift) & 0xff;
                rgb[c] = (int) Math.round(a + f * (b - a));
            }
            TABLE[i] = new Color(rgb[0], rgb[1], rgb[2]);
        }
    }

    private ColourScale() {
    }

    /** The colour of {@code weight}, clamped to {@code [0, 1]} and taken in 256 steps, as the viewer does. */
    static Color of(float weight) {
        float v = Math.max(0f, Math.min(1f, weight));
        return TABLE[Math.round(v * 255)];
    }
}
