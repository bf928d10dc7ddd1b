package dev.heed.text;

import java.util.Objects;

/**
 * A word or subword with its exact surface text, its normalized form and its span in the input.
 *
 * <p>{@code surface} is the input text under {@code span}, unchanged; {@code normalized} is what a model
 * sees (for CoreNLP words: PTB escapes such as {@code -LRB-} and lower case). Special tokens have an empty
 * span, {@code special == true} and their symbol as both surface and normalized form. Immutable.
 *
 * @param surface the text exactly as it stands in the input
 * @param normalized the normalized form
 * @param span UTF-16 offsets into the input
 * @param special whether this is a special token with no text in the input
 */
public record Token(String surface, String normalized, Span span, boolean special) {

    public Token {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(span, "span");
        if (!special && surface.length() != span.length()) {
            throw new IllegalArgumentException("surface '" + surface + "' has " + surface.length()
                    + " UTF-16 units but its span " + span + " covers " + span.length());
        }
    }

    /** A token of the input: its surface is {@code text.substring(span)}. */
    public static Token of(String text, Span span, String normalized) {
        return new Token(span.of(text), normalized, span, false);
    }

    /** A special token such as {@code [CLS]}: no text in the input, an empty span. */
    public static Token special(String symbol) {
        return new Token(symbol, symbol, Span.EMPTY, true);
    }

    /** Start offset (UTF-16) in the input. */
    public int start() {
        return span.start();
    }

    /** End offset (UTF-16, exclusive) in the input. */
    public int end() {
        return span.end();
    }
}
