package dev.heed.tasks.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.Record;
import dev.heed.tasks.sentiment.SentimentModel;
import dev.heed.tasks.sentiment.SentimentPrediction;
import dev.heed.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The predictor of {@code heed sentiment}: {@code {"label","score","probs"}} per record, and with attention
 * the tokens with their spans and pooling weights ({@code "attention"}).
 */
public final class SentimentPredictor implements Predictor {

    private final SentimentModel model;
    private final boolean attention;
    private final boolean export;

    public SentimentPredictor(SentimentModel model, boolean attention, boolean export) {
        this.model = model;
        this.attention = attention;
        this.export = export;
    }

    @Override
    public List<Prediction> predict(List<Record> batch) throws Exception {
        return TokenlessTexts.predict(batch, this::predictAll);
    }

    private List<Prediction> predictAll(List<Record> batch) {
        List<SentimentPrediction> predictions = model.predict(batch.stream().map(Record::text).toList(),
                attention || export);
        List<Prediction> out = new ArrayList<>(batch.size());
        for (int r = 0; r < predictions.size(); r++) {
            SentimentPrediction p = predictions.get(r);
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            fields.put("label", p.label()).put("score", p.score());
            ObjectNode probs = fields.putObject("probs");
            p.probabilities().forEach(probs::put);
            if (p.truncated() > 0) {
                fields.put("truncated_tokens", p.truncated());
            }
            p.attention().filter(w -> attention).ifPresent(weights -> {
                ObjectNode a = fields.putObject("attention");
                a.put("kind", "pooling").put("model", model.name());
                ArrayNode tokens = a.putArray("tokens");
                for (int i = 0; i < p.tokens().size(); i++) {
                    Token t = p.tokens().get(i);
                    tokens.addObject().put("text", t.surface()).put("start", t.start()).put("end", t.end())
                            .put("weight", weights[i]);
                }
            });
            out.add(Prediction.ok(fields, export ? p.alignment() : Optional.empty(), p.truncated() > 0));
        }
        return out;
    }
}
