package dev.heed.cli;

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

/**
 * The predictor of {@code heed sentiment}: {@code {"label","score","probs"}} per record, and with attention
 * the tokens with their spans and pooling weights ({@code "attention"}).
 */
final class SentimentPredictor implements Predictor {

    private final SentimentModel model;
    private final boolean attention;

    SentimentPredictor(SentimentModel model, boolean attention) {
        this.model = model;
        this.attention = attention;
    }

    @Override
    public List<Prediction> predict(List<Record> batch) {
        List<SentimentPrediction> predictions = model.predict(batch.stream().map(Record::text).toList(), attention);
        List<Prediction> out = new ArrayList<>(batch.size());
        for (SentimentPrediction p : predictions) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            fields.put("label", p.label()).put("score", p.score());
            ObjectNode probs = fields.putObject("probs");
            p.probabilities().forEach(probs::put);
            if (p.truncated() > 0) {
                fields.put("truncated_tokens", p.truncated());
            }
            p.attention().ifPresent(weights -> {
                ObjectNode a = fields.putObject("attention");
                a.put("kind", "pooling").put("model", model.name());
                ArrayNode tokens = a.putArray("tokens");
                for (int i = 0; i < p.tokens().size(); i++) {
                    Token t = p.tokens().get(i);
                    tokens.addObject().put("text", t.surface()).put("start", t.start()).put("end", t.end())
                            .put("weight", weights[i]);
                }
            });
            out.add(Prediction.ok(fields));
        }
        return out;
    }
}
