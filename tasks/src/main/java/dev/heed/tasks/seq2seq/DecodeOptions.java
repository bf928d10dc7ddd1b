package dev.heed.tasks.seq2seq;

/**
 * How to search for an encoder-decoder's outputs (translations, summaries). Immutable; validated on construction.
 *
 * @param beam hypotheses kept per input (1 = greedy)
 * @param maxLength the most target tokens (end-of-sentence included); each input also stops at
 *     {@code 2 x its source length + 10}
 * @param minLength the fewest target tokens before end-of-sentence may be chosen
 * @param lengthPenalty GNMT's alpha: a hypothesis scores {@code log p / ((5 + |y|) / 6)^alpha}; 0 = raw log p
 * @param coveragePenalty GNMT's beta: adds {@code beta x sum_i log(min(sum_t a_ti, 1))} over the source tokens
 *     (last layer's cross-attention averaged over heads, floored at 1e-10 where a token got none); 0 = off
 * @param noRepeatNgram an n-gram of this size never occurs twice in a hypothesis; 0 = off
 * @param nBest hypotheses returned per input, best first, at most {@code beam}
 * @param attention whether each hypothesis carries its cross-attention
 * @param maxRepeat a block of 1 to {@value RepetitionGuard#LONGEST_BLOCK} subwords never stands more than this
 *     many times back to back (the guard against degenerate output such as {@code MANAAAINIIINEEEE...});
 *     0 = off; {@value #DEFAULT_MAX_REPEAT} by default
 */
public record DecodeOptions(int beam, int maxLength, int minLength, double lengthPenalty, double coveragePenalty,
        int noRepeatNgram, int nBest, boolean attention, int maxRepeat) {

    /** The repetition guard's default: a subword block may stand three times in a row, not four. */
    public static final int DEFAULT_MAX_REPEAT = 3;

    public DecodeOptions {
        if (beam < 1) {
            throw new IllegalArgumentException("beam must be >= 1, got " + beam);
        }
        if (maxLength < 1 || minLength < 0 || minLength >= maxLength) {
            throw new IllegalArgumentException("need 0 <= minLength < maxLength, got " + minLength + " and " + maxLength);
        }
        if (!(lengthPenalty >= 0) || !(coveragePenalty >= 0)) {
            throw new IllegalArgumentException("length and coverage penalties must be >= 0, got " + lengthPenalty
                    + " and " + coveragePenalty);
        }
        if (noRepeatNgram < 0) {
            throw new IllegalArgumentException("noRepeatNgram must be >= 0, got " + noRepeatNgram);
        }
        if (nBest < 1 || nBest > beam) {
            throw new IllegalArgumentException("nBest must be in 1.." + beam + " (the beam), got " + nBest);
        }
        if (maxRepeat < 0) {
            throw new IllegalArgumentException("maxRepeat must be >= 0 (0 = off), got " + maxRepeat);
        }
    }

    /** These settings with the default repetition guard ({@value #DEFAULT_MAX_REPEAT}). */
    public DecodeOptions(int beam, int maxLength, int minLength, double lengthPenalty, double coveragePenalty,
            int noRepeatNgram, int nBest, boolean attention) {
        this(beam, maxLength, minLength, lengthPenalty, coveragePenalty, noRepeatNgram, nBest, attention,
                DEFAULT_MAX_REPEAT);
    }

    /** Greedy search: one hypothesis, no penalties. */
    public static DecodeOptions greedy() {
        return new DecodeOptions(1, 200, 0, 0, 0, 0, 1, false);
    }

    /** Beam search of {@code beam} with GNMT's length penalty 0.6. */
    public static DecodeOptions beam(int beam) {
        return new DecodeOptions(beam, 200, 0, 0.6, 0, 0, 1, false);
    }

    /** These options with attention capture on or off. */
    public DecodeOptions withAttention(boolean on) {
        return new DecodeOptions(beam, maxLength, minLength, lengthPenalty, coveragePenalty, noRepeatNgram, nBest, on,
                maxRepeat);
    }

    /** These options returning {@code n} hypotheses. */
    public DecodeOptions withNBest(int n) {
        return new DecodeOptions(beam, maxLength, minLength, lengthPenalty, coveragePenalty, noRepeatNgram, n, attention,
                maxRepeat);
    }

    /** These options with the repetition guard at {@code n} (0 = off). */
    public DecodeOptions withMaxRepeat(int n) {
        return new DecodeOptions(beam, maxLength, minLength, lengthPenalty, coveragePenalty, noRepeatNgram, nBest,
                attention, n);
    }

    /** The GNMT length penalty {@code ((5 + length) / 6)^alpha}. */
    double lengthNorm(int length) {
        return lengthPenalty == 0 ? 1.0 : Math.pow((5.0 + length) / 6.0, lengthPenalty);
    }
}
