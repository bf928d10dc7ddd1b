package dev.heed.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A predictor for tests: upper-cases the text; throws on a batch holding "THROW"; rejects texts holding
 * "reject"; can sleep per batch to make a run slow enough to kill; records the batches it saw and the threads
 * that called it.
 */
final class UpperCasePredictor implements Predictor {

    static final List<List<Integer>> BATCH_LENGTHS = new CopyOnWriteArrayList<>();
    static final java.util.Set<Thread> THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final long sleepMillis;
    boolean closed;

    UpperCasePredictor(long sleepMillis) {
        this.sleepMillis = sleepMillis;
    }

    @Override
    public List<Prediction> predict(List<Record> batch) throws Exception {
        BATCH_LENGTHS.add(batch.stream().map(r -> r.text().length()).toList());
        THREADS.add(Thread.currentThread());
        if (sleepMillis > 0) {
            Thread.sleep(sleepMillis);
        }
        if (batch.stream().anyMatch(r -> r.text().contains("THROW"))) {
            throw new IllegalStateException("cannot handle THROW");
        }
        List<Prediction> out = new ArrayList<>();
        for (Record r : batch) {
            out.add(r.text().contains("reject")
                    ? Prediction.failed(RecordError.TOO_LONG, "rejected by the test predictor")
                    : Prediction.ok(JsonNodeFactory.instance.objectNode().put("upper", r.text().toUpperCase())));
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }
}
