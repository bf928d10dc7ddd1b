package dev.heed.spark;

import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a predictor over a batch as the {@code heed} command's batch runner does: when the batch fails, its records
 * are predicted one by one, so that only the records that fail become {@code prediction_failed} errors and the
 * rest are answered. Stateless.
 */
final class IsolatedPredictions {

    private IsolatedPredictions() {
    }

    /** One prediction per record of {@code batch}, in order; never throws for a record's sake. */
    static List<Prediction> predict(Predictor predictor, List<Record> batch) {
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
