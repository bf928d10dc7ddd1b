package dev.heed.tasks.seq2seq;

import java.util.List;

/**
 * One output (a translation, a summary) found by search.
 *
 * @param tokens the target ids, without {@code <s>} and {@code </s>}
 * @param ended whether it ended with {@code </s>} (false: cut at the maximum length)
 * @param logProb the sum of the log-probabilities of its tokens ({@code </s>} included)
 * @param score what search ranked it by: {@code logProb} after the length and coverage penalties
 * @param attention per produced token ({@code </s>} included), its cross-attention {@code [layer][head][source]}
 *     flattened to {@code L x H x S} floats, S the input's source length; empty when not captured
 * @param copyShares per produced token ({@code </s>} included), a copying decoder's {@code 1 - p_gen}: the share of
 *     that step's distribution copied from the source; empty when the decoder does not copy or attention was not
 *     captured
 */
public record Hypothesis(long[] tokens, boolean ended, double logProb, double score, List<float[]> attention,
        float[] copyShares) {

    public Hypothesis {
        tokens = tokens.clone();
        attention = List.copyOf(attention);
        copyShares = copyShares.clone();
    }

    /** A hypothesis of a decoder that does not copy. */
    public Hypothesis(long[] tokens, boolean ended, double logProb, double score, List<float[]> attention) {
        this(tokens, ended, logProb, score, attention, new float[0]);
    }

    @Override
    public float[] copyShares() {
        return copyShares.clone();
    }

    @Override
    public long[] tokens() {
        return tokens.clone();
    }

    /** Target positions with attention: the tokens plus {@code </s>} when it ended. */
    public int steps() {
        return tokens.length + (ended ? 1 : 0);
    }
}
