package dev.heed.text.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts words over a corpus and keeps the most frequent as a {@link WordVocabulary}.
 *
 * <p>Special tokens come first; then words by descending count, ties broken by the word itself, so the
 * same corpus always gives the same ids. Not thread-safe: feed it from one thread.
 */
public final class WordVocabularyBuilder {

    private final WordVocabularyConfig config;
    private final Map<String, Long> counts = new HashMap<>();

    public WordVocabularyBuilder(WordVocabularyConfig config) {
        this.config = config;
    }

    /** Counts the words of one sentence (already tokenized and normalized). */
    public WordVocabularyBuilder add(List<String> words) {
        for (String word : words) {
            if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("word '" + word + "' is empty or holds whitespace;"
                        + " a word-level vocabulary splits on whitespace");
            }
            counts.merge(word, 1L, Long::sum);
        }
        return this;
    }

    /** The vocabulary of the words counted so far. */
    public WordVocabulary build() {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> tokens = new ArrayList<>(config.specialTokens());
        for (Map.Entry<String, Long> e : entries) {
            if (tokens.size() >= config.maxSize() || e.getValue() < config.minCount()) {
                break;
            }
            if (!config.specialTokens().contains(e.getKey())) {
                tokens.add(e.getKey());
            }
        }
        return new WordVocabulary(tokens, config.specialTokens(), config.unknownToken());
    }
}
