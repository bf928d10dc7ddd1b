package dev.heed.tasks.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.tasks.embedding.Embedding;
import dev.heed.tasks.embedding.SentenceEmbedder;
import dev.heed.tasks.embedding.TooLongException;
import java.util.ArrayList;
import java.util.List;

/** The predictor of {@code heed embed}: {@code {"vector": [...]}} per record, {@code truncated_tokens} when cut. */
public final class EmbedPredictor implements Predictor {

    private final SentenceEmbedder embedder;
    private final boolean export;

    public EmbedPredictor(SentenceEmbedder embedder, boolean export) {
        this.embedder = embedder;
        this.export = export;
    }

    @Override
    public List<Prediction> predict(List<Record> batch) throws Exception {
        return TokenlessTexts.predict(batch, this::predictAll);
    }

    private List<Prediction> predictAll(List<Record> batch) {
        List<Embedding> vectors;
        try {
            vectors = embedder.embed(batch.stream().map(Record::text).toList(), export);
        } catch (TooLongException e) {
            if (batch.size() > 1) {
                throw e; // the runner retries one by one, so only the long record fails
            }
            return List.of(Prediction.failed(RecordError.TOO_LONG, e.getMessage()));
        }
        List<Prediction> out = new ArrayList<>(batch.size());
        for (Embedding e : vectors) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            ArrayNode vector = fields.putArray("vector");
            for (float x : e.vector()) {
                vector.add(x);
            }
            if (e.truncatedTokens() > 0) {
                fields.put("truncated_tokens", e.truncatedTokens());
            }
            out.add(Prediction.ok(fields, e.alignment(), e.truncatedTokens() > 0));
        }
        return out;
    }
}
