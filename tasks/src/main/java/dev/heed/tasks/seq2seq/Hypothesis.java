package dev.heed.tasks.seq2seq;

import java.util.List;

/**
 * One translation found by search.
 *
 * @param tokens the target ids, without {@code <s>} and {@code </s>}
 * @param ended whether it ended with {@code </s>} (false: cut at the maximum length)
 * @param logProb the sum of the log-probabilities of its tokens ({@code </s>} included)
 * @param score what search ranked it by: {@code logProb} after the length and coverage penalties
 * @param attention per produced token ({@code </s>} included), its cross-attention {@code [layer][head][source]}
 *     flattened to {@code L x H x S} floats, S the input's source length; empty when not captured
 */
public record Hypothesis(long[] tokens, boolean ended, double logProb, double score, List<float[]> attention) {

    public Hypothesis {
        tokens = tokens.clone();
        attention = List.copyOf(attention);
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
