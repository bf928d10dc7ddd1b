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
    private final boolean attention;
    boolean closed;

    UpperCasePredictor(long sleepMillis) {
        this(sleepMillis, false);
    }

    /** With {@code attention}, each prediction carries a pooling alignment over the text's words. */
    UpperCasePredictor(long sleepMillis, boolean attention) {
        this.sleepMillis = sleepMillis;
        this.attention = attention;
    }

    /** Pooling over the space-separated words of {@code text}, each weighted by its length. */
    static dev.heed.alignment.Alignment alignment(String text) {
        List<dev.heed.alignment.AlignmentToken> words = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(text);
        while (m.find()) {
            words.add(new dev.heed.alignment.AlignmentToken(m.group(), m.start(), m.end(), words.size(), false));
        }
        float total = (float) words.stream().mapToInt(w -> w.end() - w.start()).sum();
        float[] w = new float[words.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (words.get(i).end() - words.get(i).start()) / total;
        }
        return new dev.heed.alignment.Alignment("upper", dev.heed.alignment.AlignmentKind.POOLING, text, "UPPER",
                words, List.of(new dev.heed.alignment.AlignmentToken("UPPER", 0, 5, 0, false)), 1, 1, w);
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
                    : Prediction.ok(JsonNodeFactory.instance.objectNode().put("upper", r.text().toUpperCase()),
                            attention ? java.util.Optional.of(alignment(r.text())) : java.util.Optional.empty()));
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }
}
