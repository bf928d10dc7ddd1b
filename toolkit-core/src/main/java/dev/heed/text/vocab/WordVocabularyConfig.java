package dev.heed.text.vocab;

import java.util.List;

/**
 * How to build a word-level vocabulary. Immutable; validated on construction.
 *
 * @param minCount a word seen fewer times than this is left out (it becomes the unknown token)
 * @param maxSize the largest vocabulary, special tokens included; the most frequent words are kept
 * @param specialTokens tokens that come first, in this order; must include {@code unknownToken}
 * @param unknownToken the token that stands for every word not in the vocabulary
 */
public record WordVocabularyConfig(int minCount, int maxSize, List<String> specialTokens, String unknownToken) {

    /** Padding first (id 0), then the unknown word (id 1). */
    public static final List<String> DEFAULT_SPECIALS = List.of("<pad>", "<unk>");

    public WordVocabularyConfig {
        specialTokens = List.copyOf(specialTokens);
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        if (!specialTokens.contains(unknownToken)) {
            throw new IllegalArgumentException("the unknown token '" + unknownToken
                    + "' must be one of the special tokens " + specialTokens);
        }
        if (maxSize <= specialTokens.size()) {
            throw new IllegalArgumentException("maxSize " + maxSize + " leaves no room for words after the "
                    + specialTokens.size() + " special tokens");
        }
    }

    /** Defaults: words seen at least {@code minCount} times, at most {@code maxSize} entries. */
    public static WordVocabularyConfig of(int minCount, int maxSize) {
        return new WordVocabularyConfig(minCount, maxSize, DEFAULT_SPECIALS, "<unk>");
    }
}
