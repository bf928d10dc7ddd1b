package dev.heed.alignment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * <p>A decoder that copies (a pointer-generator: the summarization models) also gives, per target token, its
 * copy share {@code 1 - p_gen}: the share of that token's probability copied from the source through the
 * cross-attention rather than generated from the vocabulary. The mass copied onto source token {@code s} is then
 * {@code copyShare(t) * attention(t, s)} (the attention being the copy distribution: for the summarization
 * models, the last layer averaged over its heads). Only cross-attention has copy shares; everything else that
 * does not copy has none.
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
 * @param copyShares when the decoder copies: T shares, one per target token (specials such as {@code </s>}
 *     included), each in {@code [0, 1]}, the probability share copied from the source ({@code 1 - p_gen});
 *     empty else. Only for {@link AlignmentKind#CROSS_ATTENTION}.
 * @throws IllegalArgumentException when the weights do not have the shape {@code (L, H, T, S)} or leave
 *     {@code [0, 1]}, a token's span leaves its text, or the copy shares are not T values in {@code [0, 1]} of a
 *     cross-attention alignment
 */
public record Alignment(String model, AlignmentKind kind, String source, String target,
        List<AlignmentToken> sourceTokens, List<AlignmentToken> targetTokens, int layers, int heads, float[] weights,
        Optional<float[]> copyShares) {

    /**
     * The schema name written in every JSON alignment: version 2 added the kind {@code late-interaction} and the
     * optional copy shares ({@code "copy"}) of cross-attention; a version 1 document is a valid version 2 document but for its schema name, and reads as one.
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
        copyShares = Objects.requireNonNull(copyShares, "copyShares").map(float[]::clone);
        if (copyShares.isPresent()) {
            checkCopyShares(copyShares.get(), kind, targetTokens.size());
        }
    }

    /**
     * An alignment without copy shares: the alignment of everything that does not copy.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Alignment(String model, AlignmentKind kind, String source, String target,
            List<AlignmentToken> sourceTokens, List<AlignmentToken> targetTokens, int layers, int heads,
            float[] weights) {
        this(model, kind, source, target, sourceTokens, targetTokens, layers, heads, weights, Optional.empty());
    }

    /**
     * This alignment with {@code shares} as its copy shares, one per target token.
     *
     * @param shares T values in {@code [0, 1]}, {@code 1 - p_gen} of each target token
     * @throws IllegalArgumentException when this is not cross-attention, or {@code shares} does not hold T values
     *     in {@code [0, 1]}
     */
    public Alignment withCopyShares(float[] shares) {
        return new Alignment(model, kind, source, target, sourceTokens, targetTokens, layers, heads, weights,
                Optional.of(shares));
    }

    private static void checkCopyShares(float[] shares, AlignmentKind kind, int targets) {
        if (kind != AlignmentKind.CROSS_ATTENTION) {
            throw new IllegalArgumentException("copy shares belong to a copying decoder's cross-attention, not to "
                    + kind.jsonName());
        }
        if (shares.length != targets) {
            throw new IllegalArgumentException(shares.length + " copy shares for " + targets
                    + " target tokens; there is one per target token");
        }
        for (int t = 0; t < shares.length; t++) {
            if (!(shares[t] >= 0f && shares[t] <= 1f)) {
                throw new IllegalArgumentException("copy share " + t + " is " + shares[t] + "; copy shares are in [0, 1]");
            }
        }
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

    /** The copy shares (a copy of them), T values in {@code [0, 1]}; empty when the model does not copy. */
    @Override
    public Optional<float[]> copyShares() {
        return copyShares.map(float[]::clone);
    }

    /**
     * The mass of target token {@code t}'s probability copied onto each source token of {@code layer}'s
     * attention averaged over heads: {@code copyShare(t) * headMean(layer)[t][s]}, S values.
     *
     * @throws IllegalStateException when the alignment has no copy shares
     * @throws IllegalArgumentException when {@code layer} or {@code t} is out of range
     */
    public float[] copiedMass(int layer, int t) {
        float[] shares = copyShares.orElseThrow(() -> new IllegalStateException("this alignment has no copy shares"));
        if (t < 0 || t >= rows()) {
            throw new IllegalArgumentException("target token " + t + " of " + rows());
        }
        float[] row = headMean(layer)[t];
        for (int s = 0; s < row.length; s++) {
            row[s] *= shares[t];
        }
        return row;
    }

    /** Equal when every field is, the weights and copy shares compared element by element. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Alignment a && model.equals(a.model) && kind == a.kind && source.equals(a.source)
                && target.equals(a.target) && sourceTokens.equals(a.sourceTokens) && targetTokens.equals(a.targetTokens)
                && layers == a.layers && heads == a.heads && Arrays.equals(weights, a.weights)
                && copyShares.isPresent() == a.copyShares.isPresent()
                && (copyShares.isEmpty() || Arrays.equals(copyShares.get(), a.copyShares.get()));
    }

    @Override
    public int hashCode() {
        return (Objects.hash(model, kind, source, target, sourceTokens, targetTokens, layers, heads)
                * 31 + Arrays.hashCode(weights)) * 31 + copyShares.map(Arrays::hashCode).orElse(0);
    }

    @Override
    public String toString() {
        return "Alignment[" + model + ", " + kind.jsonName() + ", (" + layers + ", " + heads + ", " + rows() + ", "
                + columns() + ")" + (copyShares.isPresent() ? ", copy shares" : "") + "]";
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
