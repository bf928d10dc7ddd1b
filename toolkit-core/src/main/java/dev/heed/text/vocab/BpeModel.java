package dev.heed.text.vocab;

import java.util.List;

/**
 * A learned byte-level BPE vocabulary: the tokens by id and the merges in the order they were learned.
 * Immutable.
 *
 * @param vocabulary tokens by id: special tokens, the 256 byte symbols, then one token per merge
 * @param merges each merge as its two parts, in learning order (rank 0 first)
 * @param config the config it was learned with
 */
public record BpeModel(List<String> vocabulary, List<Merge> merges, BpeConfig config) {

    /** One learned merge: {@code left + right} becomes a new token. */
    public record Merge(String left, String right) {
    }

    public BpeModel {
        vocabulary = List.copyOf(vocabulary);
        merges = List.copyOf(merges);
    }
}
