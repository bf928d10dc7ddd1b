package dev.heed.tasks.translation;

/**
 * Case normalization for text written in capitals, the way people paste headlines and shouted messages:
 * models trained on ordinary sentences translate such text badly (Multi30k's model turned
 * {@code A MAN IS RIDING A BICYCLE} into a loop of capital letters). A sentence whose cased letters are
 * mostly capitals is translated in sentence case and its translation given back in capitals; a sentence in
 * title case (Every Word Capitalized) is translated in sentence case and its translation left as the model
 * writes it. Every mapping here is one UTF-16 unit to one, so spans into the normalized text are spans into
 * the original (a translation in capitals keeps {@code ß}, whose capital is two letters). Stateless.
 */
public final class ShoutedText {

    /** How a sentence was cased. */
    public enum Style {
        /** Ordinary text: translated as it is. */
        ORDINARY,
        /** Mostly capitals: translated in sentence case, the translation given back in capitals. */
        CAPITALS,
        /** Every word capitalized: translated in sentence case. */
        TITLE
    }

    /** Fewest cased letters for a sentence to count as written in capitals. */
    static final int MIN_LETTERS = 4;

    /** Fewest words for a sentence to count as title case. */
    static final int MIN_TITLE_WORDS = 4;

    private ShoutedText() {
    }

    /** How {@code text} is cased. */
    public static Style styleOf(String text) {
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        if (upper >= MIN_LETTERS && lower * 10 <= upper) {
            return Style.CAPITALS;
        }
        int words = 0;
        int capitalized = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = Character.isLetter(c);
            if (letter && !inWord) {
                words++;
                if (Character.isUpperCase(c)) {
                    capitalized++;
                }
            }
            inWord = letter || (inWord && c == '\'');
        }
        return words >= MIN_TITLE_WORDS && capitalized == words && lower > 0 ? Style.TITLE : Style.ORDINARY;
    }

    /**
     * {@code text} as the model should read it: in sentence case (lower case, its first letter a capital)
     * for {@link Style#CAPITALS} and {@link Style#TITLE}, unchanged otherwise. Same length as {@code text}.
     */
    public static String normalize(String text, Style style) {
        if (style == Style.ORDINARY) {
            return text;
        }
        char[] chars = text.toCharArray();
        boolean first = true;
        for (int i = 0; i < chars.length; i++) {
            if (Character.isLetter(chars[i]) && first) {
                chars[i] = Character.toUpperCase(chars[i]);
                first = false;
            } else {
                chars[i] = Character.toLowerCase(chars[i]);
            }
        }
        return new String(chars);
    }

    /** The translation as the user should read it: in capitals for {@link Style#CAPITALS}. Same length. */
    public static String restore(String translation, Style style) {
        if (style != Style.CAPITALS) {
            return translation;
        }
        char[] chars = translation.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toUpperCase(chars[i]);
        }
        return new String(chars);
    }
}
