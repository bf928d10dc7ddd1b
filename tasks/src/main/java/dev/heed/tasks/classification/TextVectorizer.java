package dev.heed.tasks.classification;

import dev.heed.text.SubwordTokenizer;
import dev.heed.text.Token;
import dev.heed.text.WordTokenizer;
import dev.heed.text.vocab.WordVocabulary;
import java.util.List;

/**
 * Turns a text into token ids and the tokens they stand for: CoreNLP's normalized words looked up in a
 * word-level vocabulary, or subwords of a HuggingFace tokenizer (with its special tokens). Thread-safe.
 */
public sealed interface TextVectorizer {

    /** Ids and tokens (with spans into the text), at most {@code maxLength} of them. */
    Vectorized vectorize(String text, int maxLength);

    /**
     * Token ids, the tokens they stand for, the index of each token's word ({@code -1} for special tokens);
     * {@code truncated} tokens were cut to fit.
     */
    record Vectorized(long[] ids, List<Token> tokens, int[] words, int truncated) {

        /** Whether the text gave at least one token besides special ones: a model has something to read. */
        public boolean hasTokens() {
            return tokens.stream().anyMatch(t -> !t.special()) || truncated > 0;
        }
    }

    /** CoreNLP words, normalized (PTB escapes, lower case), looked up in {@code vocabulary}. */
    record Words(WordTokenizer tokenizer, WordVocabulary vocabulary) implements TextVectorizer {
        @Override
        public Vectorized vectorize(String text, int maxLength) {
            List<Token> words = tokenizer.words(text);
            int cut = Math.max(0, words.size() - maxLength);
            List<Token> kept = words.subList(0, words.size() - cut);
            long[] ids = new long[Math.max(1, kept.size())];
            for (int i = 0; i < kept.size(); i++) {
                ids[i] = vocabulary.id(WordVocabulary.key(kept.get(i).normalized()));
            }
            if (kept.isEmpty()) {
                ids[0] = vocabulary.unknownId();
            }
            return new Vectorized(ids, kept, java.util.stream.IntStream.range(0, kept.size()).toArray(), cut);
        }
    }

    /** HuggingFace subwords, special tokens included; a cut keeps the closing special token. */
    record Subwords(SubwordTokenizer tokenizer) implements TextVectorizer {
        @Override
        public Vectorized vectorize(String text, int maxLength) {
            var encoding = tokenizer.encode(text);
            long[] ids = encoding.ids();
            List<Token> tokens = encoding.tokens();
            int[] words = encoding.wordIds();
            if (ids.length <= maxLength) {
                return new Vectorized(ids, tokens, words, 0);
            }
            long[] kept = java.util.Arrays.copyOf(ids, maxLength);
            kept[maxLength - 1] = ids[ids.length - 1];
            int[] keptWords = java.util.Arrays.copyOf(words, maxLength);
            keptWords[maxLength - 1] = words[words.length - 1];
            List<Token> keptTokens = new java.util.ArrayList<>(tokens.subList(0, maxLength - 1));
            keptTokens.add(tokens.get(tokens.size() - 1));
            return new Vectorized(kept, keptTokens, keptWords, ids.length - maxLength);
        }
    }
}
