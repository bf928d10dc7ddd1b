package dev.heed.spark;

import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Sentiment of a text column: {@code {label, score, probs, truncated_tokens}} per row, the fields of {@code heed sentiment}; default model {@code sst2}.
 *
 * <p>Thread-safety, errors and persistence: as {@link HeedTransformer}. Load a saved one with {@link #load(String)}.
 */
public final class HeedSentiment extends HeedTransformer {

    private static final long serialVersionUID = 1L;

    public HeedSentiment() {
        this(Identifiable.randomUID("heedSentiment"));
    }

    /** For Spark's persistence: a transformer with this uid and the default parameters. */
    public HeedSentiment(String uid) {
        super(uid, HeedTask.SENTIMENT);

    }

    /** The reader of saved ones (Spark ML calls it by reflection when it loads a pipeline). */
    public static MLReader<HeedSentiment> read() {
        return new DefaultParamsReadable<HeedSentiment>() {
        }.read();
    }

    /** The one saved at {@code path} with {@link #save(String)}. */
    public static HeedSentiment load(String path) {
        return read().load(path);
    }

    @Override
    public HeedTask task() {
        return HeedTask.SENTIMENT;
    }

    @Override
    protected TaskSettings settings(TaskSettings s) {
        return s;
    }
}
