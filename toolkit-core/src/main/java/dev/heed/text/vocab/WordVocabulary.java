package dev.heed.text.vocab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word-level vocabulary: tokens by id and the id of each token, with an unknown token for the rest.
 * Immutable and thread-safe.
 */
public final class WordVocabulary {

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final String unknownToken;
    private final int unknownId;
    private final List<String> specialTokens;

    /**
     * @param tokens tokens by id, without duplicates
     * @param specialTokens the tokens among them that are special (padding, unknown, ...)
     * @param unknownToken the token that stands for words not in the vocabulary
     */
    public WordVocabulary(List<String> tokens, List<String> specialTokens, String unknownToken) {
        this.tokens = List.copyOf(tokens);
        this.specialTokens = List.copyOf(specialTokens);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < this.tokens.size(); i++) {
            if (ids.put(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + this.tokens.get(i) + "' appears twice");
            }
        }
        Integer unk = ids.get(unknownToken);
        if (unk == null) {
            throw new IllegalArgumentException("unknown token '" + unknownToken + "' is not in the vocabulary");
        }
        this.unknownToken = unknownToken;
        this.unknownId = unk;
    }

    /**
     * The vocabulary key of a word: whitespace inside it (a CoreNLP token such as "3 1/2" keeps its
     * non-breaking space) becomes {@code _}, since a word-level tokenizer.json splits on whitespace. Use it
     * both when counting words and when looking them up.
     */
    public static String key(String word) {
        StringBuilder key = new StringBuilder(word.length());
        word.codePoints().forEach(c -> key.appendCodePoint(
                Character.isWhitespace(c) || Character.isSpaceChar(c) ? '_' : c));
        return key.toString();
    }

    /** The id of {@code token}, or the unknown token's id when it is not in the vocabulary. */
    public int id(String token) {
        return ids.getOrDefault(token, unknownId);
    }

    /** Whether {@code token} has an id of its own. */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The token with id {@code id}. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** Number of tokens, special tokens included. */
    public int size() {
        return tokens.size();
    }

    /** Tokens by id. */
    public List<String> tokens() {
        return tokens;
    }

    /** The special tokens, in id order. */
    public List<String> specialTokens() {
        return specialTokens;
    }

    public String unknownToken() {
        return unknownToken;
    }

    public int unknownId() {
        return unknownId;
    }
}
