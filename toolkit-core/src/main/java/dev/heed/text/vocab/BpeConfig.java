package dev.heed.text.vocab;

import java.util.List;

/**
 * How to learn a byte-level BPE vocabulary. Immutable; validated on construction.
 *
 * @param vocabSize target size of the vocabulary, special tokens and the 256 byte symbols included
 * @param minFrequency a pair seen fewer times than this is never merged
 * @param specialTokens tokens that come first in the vocabulary, in this order
 * @param lowercase whether the tokenizer lower-cases text before encoding
 */
public record BpeConfig(int vocabSize, int minFrequency, List<String> specialTokens, boolean lowercase) {

    /** The special tokens of Heed's sequence models: padding, unknown, start and end of sequence. */
    public static final List<String> DEFAULT_SPECIALS = List.of("<pad>", "<unk>", "<s>", "</s>");

    public BpeConfig {
        specialTokens = List.copyOf(specialTokens);
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minFrequency must be >= 1, got " + minFrequency);
        }
        int floor = specialTokens.size() + 256;
        if (vocabSize < floor) {
            throw new IllegalArgumentException("vocabSize " + vocabSize + " is too small: the "
                    + specialTokens.size() + " special tokens and 256 byte symbols need " + floor);
        }
    }

    /** A config with the default special tokens, minimum frequency 2 and case kept. */
    public static BpeConfig ofSize(int vocabSize) {
        return new BpeConfig(vocabSize, 2, DEFAULT_SPECIALS, false);
    }
}
