package dev.heed.tasks.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * rouge-score's tokenizer ({@code rouge/tokenize.py}, {@code DefaultTokenizer}): the text is lower-cased, every run
 * of characters outside {@code [a-z0-9]} becomes one space, the tokens are the runs of {@code [a-z0-9]} between, and
 * with stemming a token longer than 3 characters is replaced by its {@link NltkPorterStemmer NLTK Porter stem}.
 * Accented and non-Latin letters are not letters here: {@code café} gives {@code caf}, {@code 日本} nothing; the
 * only characters outside ASCII that give a token are those that lower-case to ASCII, U+0130 (İ, to {@code i}) and
 * U+212A (the Kelvin sign, to {@code k}), as in Python. Numbers split at their punctuation ({@code 3.5} gives
 * {@code 3} and {@code 5}). Stateless, thread-safe.
 */
public final class RougeTokenizer {

    private static final int STEM_ABOVE = 3;
    private static final NltkPorterStemmer STEMMER = new NltkPorterStemmer();

    private final boolean useStemmer;

    /** A tokenizer that stems ({@code use_stemmer=True}) or not. */
    public RougeTokenizer(boolean useStemmer) {
        this.useStemmer = useStemmer;
    }

    /** Whether tokens longer than 3 characters are stemmed. */
    public boolean useStemmer() {
        return useStemmer;
    }

    /** The tokens of {@code text} in order; empty for a text without ASCII letters or digits. */
    public List<String> tokenize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean kept = i < lower.length() && isKept(lower.charAt(i));
            if (kept && start < 0) {
                start = i;
            } else if (!kept && start >= 0) {
                tokens.add(finish(lower.substring(start, i)));
                start = -1;
            }
        }
        tokens.removeIf(token -> !isToken(token));
        return tokens;
    }

    private String finish(String token) {
        return useStemmer && token.length() > STEM_ABOVE ? STEMMER.stem(token) : token;
    }

    private static boolean isKept(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** rouge-score's last check, {@code ^[a-z0-9]+$}, on what the stemmer gave back. */
    private static boolean isToken(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!isKept(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
