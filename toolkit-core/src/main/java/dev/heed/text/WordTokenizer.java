package dev.heed.text;

import java.util.List;

/**
 * Splits text into sentences of word tokens whose spans point into the original text.
 *
 * <p>Contract (checked by {@code TokenizerContractTest}): every token's surface equals
 * {@code text.substring(start, end)}; tokens do not overlap and come in text order; every character
 * that is not whitespace lies inside exactly one token. Implementations are thread-safe.
 */
public interface WordTokenizer {

    /** The sentences of {@code text}, each with its words; empty for blank text. */
    List<Sentence> sentences(String text);

    /** The words of {@code text}, ignoring sentence boundaries. */
    default List<Token> words(String text) {
        return sentences(text).stream().flatMap(s -> s.tokens().stream()).toList();
    }
}
