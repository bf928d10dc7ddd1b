package dev.heed.lucene;

import java.util.Locale;

/** How the scores of one ranked list are put on a common scale before a linear combination. */
public enum ScoreNormalization {
    /** {@code (s - min) / (max - min)} over the list's hits; every hit 1 when all scores are equal. */
    MIN_MAX,
    /** {@code s / sqrt(sum of s^2)} over the list's hits. */
    L2;

    /** The normalized scores, in the order given. */
    public double[] apply(float[] scores) {
        double[] out = new double[scores.length];
        if (scores.length == 0) {
            return out;
        }
        if (this == MIN_MAX) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float s : scores) {
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
            for (int i = 0; i < scores.length; i++) {
                out[i] = max > min ? (scores[i] - min) / (max - min) : 1;
            }
        } else {
            double sum = 0;
            for (float s : scores) {
                sum += (double) s * s;
            }
            double norm = Math.sqrt(sum);
            for (int i = 0; i < scores.length; i++) {
                out[i] = norm > 0 ? scores[i] / norm : 0;
            }
        }
        return out;
    }

    /** Parses {@code min-max} or {@code l2}; fails listing the valid values. */
    public static ScoreNormalization parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "min-max", "minmax", "min_max" -> MIN_MAX;
            case "l2" -> L2;
            default -> throw new IllegalArgumentException("unknown normalization '" + value + "'; valid: min-max, l2");
        };
    }

    @Override
    public String toString() {
        return this == MIN_MAX ? "min-max" : "l2";
    }
}
