package dev.heed.batch;

import dev.heed.io.Record;
import dev.heed.io.RecordError;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a predictor over a batch so that one bad record cannot fail the others: when the batch fails, its records
 * are predicted one by one, and only those that fail alone become {@code prediction_failed} errors. The batch runner
 * of the {@code heed} command and {@code heed-spark} both predict through it. Stateless.
 */
public final class IsolatedPredictions {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedPredictions.class);

    private IsolatedPredictions() {
    }

    /** One prediction per record of {@code batch}, in order; never throws for a record's sake. */
    public static List<Prediction> predict(Predictor predictor, List<Record> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            List<Prediction> result = predictor.predict(batch);
            if (result.size() != batch.size()) {
                throw new IllegalStateException("predictor returned " + result.size() + " predictions for "
                        + batch.size() + " records");
            }
            return result;
        } catch (Exception e) {
            if (batch.size() == 1) {
                LOG.debug("record {} failed", batch.get(0).line(), e);
                return List.of(Prediction.failed(RecordError.PREDICTION_FAILED,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            List<Prediction> one = new ArrayList<>(batch.size());
            for (Record r : batch) {
                one.add(predict(predictor, List.of(r)).get(0));
            }
            return one;
        }
    }
}
