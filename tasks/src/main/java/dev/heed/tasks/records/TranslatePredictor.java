package dev.heed.tasks.records;

import dev.heed.tasks.seq2seq.DecodeOptions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.tasks.embedding.TooLongException;
import dev.heed.tasks.translation.Translation;
import dev.heed.tasks.translation.TranslationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The predictor of {@code heed translate}: {@code {"translation","score"}} per record, plus {@code "nbest"}. */
public final class TranslatePredictor implements Predictor {

    private final TranslationModel model;
    private final DecodeOptions options;

    public TranslatePredictor(TranslationModel model, DecodeOptions options) {
        this.model = model;
        this.options = options;
    }

    @Override
    public List<Prediction> predict(List<Record> batch) throws Exception {
        return TokenlessTexts.predict(batch, this::predictAll);
    }

    private List<Prediction> predictAll(List<Record> batch) {
        List<Translation> translations;
        try {
            translations = model.translate(batch.stream().map(Record::text).toList(), options);
        } catch (TooLongException e) {
            if (batch.size() > 1) {
                throw e; // the runner retries one by one, so only the long record fails
            }
            return List.of(Prediction.failed(RecordError.TOO_LONG, e.getMessage()));
        }
        List<Prediction> out = new ArrayList<>(batch.size());
        for (Translation t : translations) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            fields.put("translation", t.text()).put("score", t.score());
            if (t.truncated()) {
                fields.put("truncated", true);
            }
            if (options.nBest() > 1) {
                ArrayNode nbest = fields.putArray("nbest");
                for (Translation.Scored s : t.nBest()) {
                    nbest.addObject().put("translation", s.text()).put("score", s.score());
                }
            }
            out.add(Prediction.ok(fields, options.attention() ? t.alignment() : Optional.empty(), t.truncated()));
        }
        return out;
    }
}
