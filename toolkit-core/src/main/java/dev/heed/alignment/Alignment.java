package dev.heed.alignment;

import java.util.List;
import java.util.Objects;

/**
 * The attention that produced one answer: source and target tokens (with spans into their texts and word
 * indexes), the weights per layer and head as one {@code (L, H, T, S)} array (T target rows, S source
 * columns), what they are, and the model that made them. Immutable (the weights are copied in and out);
 * exporters are pure functions of it.
 *
 * <p>For self-attention the target is the source; for pooling attention the target is one special token
 * naming the answer (a label). Rows need not sum to 1 (a layer may be shown after aggregation), but every
 * weight is finite and in {@code [0, 1]}.
 *
 * @param model the model's name
 * @param kind what the weights are
 * @param source the text the source tokens point into
 * @param target the text the target tokens point into (the source's for self-attention, the answer else)
 * @param sourceTokens the S columns
 * @param targetTokens the T rows
 * @param layers L
 * @param heads H
 * @param weights {@code L * H * T * S} weights, row-major
 */
public record Alignment(String model, AlignmentKind kind, String source, String target,
        List<AlignmentToken> sourceTokens, List<AlignmentToken> targetTokens, int layers, int heads, float[] weights) {

    /**
     * The schema name written in every JSON alignment: version 2 added the kind {@code late-interaction}; a
     * version 1 document is a valid version 2 document but for its schema name, and reads as one.
     */
    public static final String SCHEMA = "heed.alignment/2";

    /** The schema names that read: version 1 (without {@code late-interaction}) and 2. */
    public static final java.util.List<String> READABLE_SCHEMAS = java.util.List.of("heed.alignment/1", SCHEMA);

    public Alignment {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        sourceTokens = List.copyOf(sourceTokens);
        targetTokens = List.copyOf(targetTokens);
        weights = weights.clone();
        if (layers < 1 || heads < 1) {
            throw new IllegalArgumentException("an alignment has at least one layer and head, got " + layers + " x "
                    + heads);
        }
        long expected = (long) layers * heads * targetTokens.size() * sourceTokens.size();
        if (weights.length != expected) {
            throw new IllegalArgumentException("weights hold " + weights.length + " values but (L, H, T, S) = ("
                    + layers + ", " + heads + ", " + targetTokens.size() + ", " + sourceTokens.size() + ") needs "
                    + expected);
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0f && weights[i] <= 1.0001f)) {
                throw new IllegalArgumentException("weight " + i + " is " + weights[i] + "; weights are in [0, 1]");
            }
        }
        checkSpans(sourceTokens, source, "source");
        checkSpans(targetTokens, target, "target");
    }

    private static void checkSpans(List<AlignmentToken> tokens, String text, String side) {
        for (AlignmentToken t : tokens) {
            if (t.end() > text.length()) {
                throw new IllegalArgumentException(side + " token '" + t.text() + "' ends at " + t.end()
                        + ", past the end of its text (" + text.length() + " characters)");
            }
        }
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /** Equal when every field is, the weights compared element by element. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Alignment a && model.equals(a.model) && kind == a.kind && source.equals(a.source)
                && target.equals(a.target) && sourceTokens.equals(a.sourceTokens) && targetTokens.equals(a.targetTokens)
                && layers == a.layers && heads == a.heads && java.util.Arrays.equals(weights, a.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, kind, source, target, sourceTokens, targetTokens, layers, heads)
                * 31 + java.util.Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "Alignment[" + model + ", " + kind.jsonName() + ", (" + layers + ", " + heads + ", " + rows() + ", "
                + columns() + ")]";
    }

    /** T, the number of target rows. */
    public int rows() {
        return targetTokens.size();
    }

    /** S, the number of source columns. */
    public int columns() {
        return sourceTokens.size();
    }

    /** The weight of target {@code t} on source {@code s} in {@code layer}, {@code head}. */
    public float weight(int layer, int head, int t, int s) {
        return weights[((layer * heads + head) * rows() + t) * columns() + s];
    }

    /** The {@code (T, S)} matrix of {@code layer}, averaged over its heads. */
    public float[][] headMean(int layer) {
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer " + layer + " of an alignment with " + layers + " layers");
        }
        float[][] mean = new float[rows()][columns()];
        for (int h = 0; h < heads; h++) {
            for (int t = 0; t < rows(); t++) {
                for (int s = 0; s < columns(); s++) {
                    mean[t][s] += weight(layer, h, t, s) / heads;
                }
            }
        }
        return mean;
    }
}
