package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.Record;
import dev.heed.text.Sentence;
import dev.heed.text.SpanAlignment;
import dev.heed.text.SubwordEncoding;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.Token;
import dev.heed.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The predictor of {@code heed tokenize}: CoreNLP sentences and words with spans, and subwords mapped to
 * those words when a tokenizer file is given. Uses shared thread-safe tokenizers; closes nothing.
 */
final class TokenizePredictor implements Predictor {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WordTokenizer words;
    private final Optional<SubwordTokenizer> subwords;
    private final Optional<dev.heed.text.vocab.WordVocabulary> vocabulary;
    private final boolean sentences;

    TokenizePredictor(WordTokenizer words, Optional<SubwordTokenizer> subwords, boolean sentences) {
        this(words, subwords, Optional.empty(), sentences);
    }

    /**
     * With a word-level {@code vocabulary} (a {@code heed vocab words} file) the ids are those of the CoreNLP
     * words' normalized forms, as the vocabulary was counted and as word-level models read text.
     */
    TokenizePredictor(WordTokenizer words, Optional<SubwordTokenizer> subwords,
            Optional<dev.heed.text.vocab.WordVocabulary> vocabulary, boolean sentences) {
        this.words = words;
        this.subwords = subwords;
        this.vocabulary = vocabulary;
        this.sentences = sentences;
    }

    @Override
    public List<Prediction> predict(List<Record> batch) {
        List<Prediction> out = new ArrayList<>(batch.size());
        for (Record record : batch) {
            out.add(Prediction.ok(tokenize(record.text(), record.fields().isEmpty())));
        }
        return out;
    }

    /**
     * The tokens of {@code text}, with the text itself when {@code withText} (a plain-text record, which has no
     * field holding it; JSON and TSV records keep their own text field, which the offsets point into).
     */
    ObjectNode tokenize(String text, boolean withText) {
        ObjectNode result = JSON.objectNode();
        if (withText) {
            result.put("text", text);
        }
        List<Sentence> split = words.sentences(text);
        List<Token> all = new ArrayList<>();
        if (sentences) {
            ArrayNode array = result.putArray("sentences");
            for (Sentence s : split) {
                ObjectNode node = array.addObject().put("start", s.span().start()).put("end", s.span().end());
                ArrayNode tokens = node.putArray("tokens");
                s.tokens().forEach(t -> tokens.add(token(t)));
                all.addAll(s.tokens());
            }
        } else {
            ArrayNode tokens = result.putArray("tokens");
            for (Sentence s : split) {
                s.tokens().forEach(t -> tokens.add(token(t)));
                all.addAll(s.tokens());
            }
        }
        vocabulary.ifPresent(v -> {
            ArrayNode array = result.putArray("subwords");
            for (int i = 0; i < all.size(); i++) {
                Token t = all.get(i);
                int id = v.id(dev.heed.text.vocab.WordVocabulary.key(t.normalized()));
                array.addObject().put("id", id).put("token", v.token(id)).put("start", t.start()).put("end", t.end())
                        .put("word", i);
            }
        });
        subwords.ifPresent(tokenizer -> {
            SubwordEncoding encoding = tokenizer.encode(text);
            int[] wordOf = SpanAlignment.wordIndexes(encoding.tokens(), all);
            long[] ids = encoding.ids();
            ArrayNode array = result.putArray("subwords");
            for (int i = 0; i < ids.length; i++) {
                Token t = encoding.tokens().get(i);
                ObjectNode node = array.addObject().put("id", ids[i]).put("token", t.normalized());
                if (t.special()) {
                    node.put("special", true);
                } else {
                    node.put("start", t.start()).put("end", t.end());
                }
                node.put("word", wordOf[i]);
            }
        });
        return result;
    }

    private static ObjectNode token(Token t) {
        return JSON.objectNode().put("surface", t.surface()).put("normalized", t.normalized())
                .put("start", t.start()).put("end", t.end());
    }
}
