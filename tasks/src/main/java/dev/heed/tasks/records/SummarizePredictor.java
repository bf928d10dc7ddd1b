package dev.heed.tasks.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.tasks.embedding.LongInputPolicy;
import dev.heed.tasks.embedding.TooLongException;
import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.summarization.Summary;
import dev.heed.tasks.summarization.SummarizationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The predictor of {@code heed summarize}: {@code {"summary","score"}} per record, plus {@code "nbest"},
 * {@code "truncated_tokens"} for a cut document, {@code "truncated"} for a summary stopped at the length limit, and
 * {@code "copy"} (per summary token, {@code 1 - p_gen}) when attention is exported and the model copies.
 */
public final class SummarizePredictor implements Predictor {

    private final SummarizationModel model;
    private final DecodeOptions options;
    private final LongInputPolicy policy;

    public SummarizePredictor(SummarizationModel model, DecodeOptions options, LongInputPolicy policy) {
        this.model = model;
        this.options = options;
        this.policy = policy;
    }

    @Override
    public List<Prediction> predict(List<Record> batch) throws Exception {
        return TokenlessTexts.predict(batch, this::predictAll);
    }

    private List<Prediction> predictAll(List<Record> batch) {
        List<Summary> summaries;
        try {
            summaries = model.summarize(batch.stream().map(Record::text).toList(), options, policy);
        } catch (TooLongException e) {
            if (batch.size() > 1) {
                throw e; // the runner retries one by one, so only the long record fails
            }
            return List.of(Prediction.failed(RecordError.TOO_LONG, e.getMessage()));
        }
        List<Prediction> out = new ArrayList<>(batch.size());
        for (Summary s : summaries) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            fields.put("summary", s.text()).put("score", s.score());
            if (s.sourceCut() > 0) {
                fields.put("truncated_tokens", s.sourceCut());
            }
            if (s.truncated()) {
                fields.put("truncated", true);
            }
            if (options.nBest() > 1) {
                ArrayNode nbest = fields.putArray("nbest");
                for (Summary.Scored scored : s.nBest()) {
                    nbest.addObject().put("summary", scored.text()).put("score", scored.score());
                }
            }
            if (options.attention() && s.copyShares().length > 0) {
                ArrayNode copy = fields.putArray("copy");
                for (float share : s.copyShares()) {
                    copy.add(share);
                }
            }
            out.add(Prediction.ok(fields, options.attention() ? s.alignment() : Optional.empty(),
                    s.truncated() || s.sourceCut() > 0));
        }
        return out;
    }
}
