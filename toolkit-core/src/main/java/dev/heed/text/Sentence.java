package dev.heed.text;

import java.util.List;

/**
 * A sentence of the input: its span and its word tokens, in order. Immutable.
 *
 * @param span from the first token's start to the last token's end
 * @param tokens the words of the sentence, never empty
 */
public record Sentence(Span span, List<Token> tokens) {

    public Sentence {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a sentence needs at least one token");
        }
    }
}
