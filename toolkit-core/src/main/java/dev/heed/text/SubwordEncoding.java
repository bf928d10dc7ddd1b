package dev.heed.text;

import java.util.Arrays;
import java.util.List;

/**
 * The subwords of one text: ids, tokens with spans into the original text, and for each subword the
 * index of the pre-tokenizer word it belongs to ({@code -1} for special tokens). Immutable.
 *
 * @param ids token ids, one per subword
 * @param tokens the subwords: surface = text under the span, normalized = the vocabulary's token string
 * @param wordIds for each subword, the index of its word in the tokenizer's pre-tokenization, or -1
 */
public record SubwordEncoding(long[] ids, List<Token> tokens, int[] wordIds) {

    public SubwordEncoding {
        ids = ids.clone();
        tokens = List.copyOf(tokens);
        wordIds = wordIds.clone();
        if (ids.length != tokens.size() || wordIds.length != tokens.size()) {
            throw new IllegalArgumentException("ids (" + ids.length + "), tokens (" + tokens.size()
                    + ") and wordIds (" + wordIds.length + ") must have the same length");
        }
    }

    @Override
    public long[] ids() {
        return ids.clone();
    }

    @Override
    public int[] wordIds() {
        return wordIds.clone();
    }

    /** Number of subwords, special tokens included. */
    public int size() {
        return ids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubwordEncoding other && Arrays.equals(ids, other.ids)
                && tokens.equals(other.tokens) && Arrays.equals(wordIds, other.wordIds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + tokens.hashCode();
    }

    @Override
    public String toString() {
        return "SubwordEncoding" + tokens.stream().map(Token::normalized).toList();
    }
}
