package dev.heed.batch;

import dev.heed.io.Record;
import java.util.List;

/**
 * Turns a batch of records into one prediction each, in the same order.
 *
 * <p>The batch runner gives each worker thread its own predictor, so an implementation need not be
 * thread-safe. If {@link #predict} throws, the runner retries the batch's records one at a time so that
 * only the records that fail become error records. The runner closes the predictors it made.
 */
public interface Predictor extends AutoCloseable {

    /** One prediction per record of {@code batch}, in order. */
    List<Prediction> predict(List<Record> batch) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
