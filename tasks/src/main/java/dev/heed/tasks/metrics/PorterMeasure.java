package dev.heed.tasks.metrics;

/**
 * The conditions of Porter's rules as NLTK's {@code PorterStemmer} tests them in its default mode: consonants,
 * the measure m of a stem, *v*, *d and *o. A letter is a consonant unless it is a, e, i, o or u, or a y after a
 * consonant; a y at the start of a word is a consonant. Part of {@link NltkPorterStemmer}'s port of
 * {@code nltk/stem/porter.py}. Stateless.
 */
final class PorterMeasure {

    private PorterMeasure() {
    }

    private static boolean isVowelLetter(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /**
     * Whether {@code word.charAt(i)} is a consonant ({@code _is_consonant}): a y is one at the start of the word or
     * after a vowel, and a vowel after a consonant, so a run of y's alternates. Iterative, as in NLTK, so that a
     * long run of y's costs no stack.
     */
    static boolean isConsonant(CharSequence word, int i) {
        char c = word.charAt(i);
        if (isVowelLetter(c)) {
            return false;
        }
        boolean negate = false;
        while (i > 0 && word.charAt(i) == 'y') {
            negate = !negate;
            i--;
        }
        return !isVowelLetter(word.charAt(i)) != negate;
    }

    /** Consonant flags of every letter in one pass ({@code _consonant_flags}). */
    private static boolean[] consonants(CharSequence word) {
        boolean[] flags = new boolean[word.length()];
        for (int i = 0; i < flags.length; i++) {
            char c = word.charAt(i);
            if (isVowelLetter(c)) {
                flags[i] = false;
            } else if (c == 'y') {
                flags[i] = i == 0 || !flags[i - 1];
            } else {
                flags[i] = true;
            }
        }
        return flags;
    }

    /** m in [C](VC){m}[V]: how often a vowel is followed by a consonant. */
    static int measure(CharSequence stem) {
        boolean[] flags = consonants(stem);
        int m = 0;
        for (int i = 1; i < flags.length; i++) {
            if (!flags[i - 1] && flags[i]) {
                m++;
            }
        }
        return m;
    }

    /** *v*: the stem holds a vowel. */
    static boolean containsVowel(CharSequence stem) {
        for (boolean consonant : consonants(stem)) {
            if (!consonant) {
                return true;
            }
        }
        return false;
    }

    /** *d: the word ends with two equal consonants. */
    static boolean endsDoubleConsonant(CharSequence word) {
        int n = word.length();
        return n >= 2 && word.charAt(n - 1) == word.charAt(n - 2) && isConsonant(word, n - 1);
    }

    /**
     * *o: the word ends consonant-vowel-consonant and the last is not w, x or y; NLTK also counts a word of two
     * letters, vowel then consonant ({@code us}, so that {@code used} stems to {@code use}).
     */
    static boolean endsCvc(CharSequence word) {
        int n = word.length();
        if (n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)) {
            char last = word.charAt(n - 1);
            if (last != 'w' && last != 'x' && last != 'y') {
                return true;
            }
        }
        return n == 2 && !isConsonant(word, 0) && isConsonant(word, 1);
    }
}
