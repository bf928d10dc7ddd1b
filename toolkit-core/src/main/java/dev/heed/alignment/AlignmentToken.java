package dev.heed.alignment;

import java.util.Objects;

/**
 * One token of an alignment: its text, its UTF-16 span {@code [start, end)} in the aligned text, the index of
 * the word it belongs to (subwords of one word share it; {@code -1} for special tokens, whose span is empty).
 * Immutable.
 *
 * @param text the token as the model read it (a subword piece, a word, {@code [CLS]})
 * @param start offset of its first character in the text
 * @param end offset after its last character
 * @param word index of its word in the text, or {@code -1} for a special token
 * @param special whether it is a special token (no text of its own)
 */
public record AlignmentToken(String text, int start, int end, int word, boolean special) {

    public AlignmentToken {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") of token '" + text + "'");
        }
        if (special ? word != -1 : word < 0) {
            throw new IllegalArgumentException("token '" + text + "': a special token has word -1, any other a word"
                    + " index >= 0; got " + word);
        }
    }

    /** A special token ({@code [CLS]}, a predicted label) with an empty span at {@code at}. */
    public static AlignmentToken special(String text, int at) {
        return new AlignmentToken(text, at, at, -1, true);
    }
}
