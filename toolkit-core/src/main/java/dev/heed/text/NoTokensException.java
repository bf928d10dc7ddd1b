package dev.heed.text;

import java.util.List;

/**
 * Some texts given to a model hold nothing it can read: no words (only invisible or format characters such as
 * U+200B ZERO WIDTH SPACE or U+2063 INVISIBLE SEPARATOR) or, for a subword model, no token besides its special
 * ones. A model answers such a text with this exception rather than with a confident answer about nothing; it
 * names every such text of the call, so a caller can set them aside and ask again for the rest.
 */
public class NoTokensException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<Integer> indexes;

    /**
     * @param indexes positions, in the texts of the call, of those with no tokens (at least one)
     * @param texts the texts of the call, to describe the first
     */
    public NoTokensException(List<Integer> indexes, List<String> texts) {
        super(describe(indexes, texts));
        this.indexes = List.copyOf(indexes);
    }

    /** Positions, in the texts of the call, of the texts with no tokens. */
    public List<Integer> indexes() {
        return indexes;
    }

    /**
     * Whether {@code text} holds nothing to read: only whitespace, control and invisible format characters (U+200B,
     * U+2063, ...). The models refuse such texts (blank) or find no tokens in them; callers that score a corpus give
     * such a line an empty output.
     */
    public static boolean hasNoVisibleText(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.CONTROL);
    }

    /** Why {@code text} gets no answer, for people: its characters as code points and what is wrong. */
    public static String reason(String text) {
        return "the text (" + codePoints(text) + ") has no words or tokens for the model to read";
    }

    /** The characters of {@code text} as code points, {@code U+200B U+2063}, at most 8 of them. */
    static String codePoints(String text) {
        StringBuilder s = new StringBuilder();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < Math.min(8, cps.length); i++) {
            s.append(i > 0 ? " " : "").append(String.format("U+%04X", cps[i]));
        }
        return cps.length > 8 ? s + " ..." : s.toString();
    }

    private static String describe(List<Integer> indexes, List<String> texts) {
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("name at least one text with no tokens");
        }
        return reason(texts.get(indexes.get(0)))
                + (indexes.size() > 1 ? "; " + (indexes.size() - 1) + " more such texts in the batch" : "");
    }
}
