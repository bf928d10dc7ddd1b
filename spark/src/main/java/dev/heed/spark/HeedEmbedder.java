package dev.heed.spark;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Sentence embeddings of a text column: {@code {vector, truncated_tokens}} per row (L2-normalized), the fields of {@code heed embed}; default model {@code all-minilm-l6-v2}.
 *
 * <p>Thread-safety, errors and persistence: as {@link HeedTransformer}. Load a saved one with {@link #load(String)}.
 */
public final class HeedEmbedder extends HeedTransformer {

    private static final long serialVersionUID = 1L;

    private final Param<String> longInput = new Param<>(this, "longInput", "truncate or reject texts longer than the model reads");

    private final Param<String> pooling = new Param<>(this, "pooling", "mean or cls; empty: the model's own");

    public HeedEmbedder() {
        this(Identifiable.randomUID("heedEmbedder"));
    }

    /** For Spark's persistence: a transformer with this uid and the default parameters. */
    public HeedEmbedder(String uid) {
        super(uid, HeedTask.EMBED);
        setDefault(longInput, "truncate");
        setDefault(pooling, "");
    }

    /** The reader of saved ones (Spark ML calls it by reflection when it loads a pipeline). */
    public static MLReader<HeedEmbedder> read() {
        return new DefaultParamsReadable<HeedEmbedder>() {
        }.read();
    }

    /** The one saved at {@code path} with {@link #save(String)}. */
    public static HeedEmbedder load(String path) {
        return read().load(path);
    }

    @Override
    public HeedTask task() {
        return HeedTask.EMBED;
    }

    public Param<String> longInput() {
        return longInput;
    }

    /** {@code truncate} (default: the result says how many tokens were cut) or {@code reject} (a too_long error). */
    public HeedEmbedder setLongInput(String value) {
        with(longInput, value);
        return this;
    }

    public Param<String> pooling() {
        return pooling;
    }

    /** {@code mean} or {@code cls}; empty, the default, is the model's own pooling. */
    public HeedEmbedder setPooling(String value) {
        with(pooling, value);
        return this;
    }

    @Override
    protected TaskSettings settings(TaskSettings s) {
        return new TaskSettings(s.task(), s.model(), s.sha256(), s.shippedName(), s.batchSize(), s.attention(),
                s.device(), string(pooling), string(longInput), 0, 0);
    }
}
