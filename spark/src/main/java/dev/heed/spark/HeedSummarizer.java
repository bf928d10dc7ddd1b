package dev.heed.spark;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Summary of a text column: {@code {summary, score, truncated_tokens, truncated, copy}} per row, the fields of {@code heed summarize} with its decoding defaults (greedy, no repeated trigram, at most 30 subwords); default model {@code aeslc}.
 *
 * <p>Thread-safety, errors and persistence: as {@link HeedTransformer}. Load a saved one with {@link #load(String)}.
 */
public final class HeedSummarizer extends HeedTransformer {

    private static final long serialVersionUID = 1L;

    private final IntParam beam = new IntParam(this, "beam", "beam size; 0: the task's default");
    private final IntParam maxLength = new IntParam(this, "maxLength", "the most output subwords; 0: the task's default");

    private final Param<String> longInput = new Param<>(this, "longInput", "truncate or reject texts longer than the model reads");

    public HeedSummarizer() {
        this(Identifiable.randomUID("heedSummarizer"));
    }

    /** For Spark's persistence: a transformer with this uid and the default parameters. */
    public HeedSummarizer(String uid) {
        super(uid, HeedTask.SUMMARIZE);
        setDefault(beam, 0);
        setDefault(maxLength, 0);
        setDefault(longInput, "truncate");
    }

    /** The reader of saved ones (Spark ML calls it by reflection when it loads a pipeline). */
    public static MLReader<HeedSummarizer> read() {
        return new DefaultParamsReadable<HeedSummarizer>() {
        }.read();
    }

    /** The one saved at {@code path} with {@link #save(String)}. */
    public static HeedSummarizer load(String path) {
        return read().load(path);
    }

    @Override
    public HeedTask task() {
        return HeedTask.SUMMARIZE;
    }

    public IntParam beam() {
        return beam;
    }

    public IntParam maxLength() {
        return maxLength;
    }

    /** Beam size (1 = greedy); 0, the default, is the task's own. */
    public HeedSummarizer setBeam(int value) {
        set(beam, value);
        return this;
    }

    /** The most output subwords; 0, the default, is the task's own. */
    public HeedSummarizer setMaxLength(int value) {
        set(maxLength, value);
        return this;
    }

    public Param<String> longInput() {
        return longInput;
    }

    /** {@code truncate} (default: the result says how many tokens were cut) or {@code reject} (a too_long error). */
    public HeedSummarizer setLongInput(String value) {
        with(longInput, value);
        return this;
    }

    @Override
    protected TaskSettings settings(TaskSettings s) {
        return new TaskSettings(s.task(), s.model(), s.sha256(), s.shippedName(), s.batchSize(), s.attention(),
                s.device(), "", string(longInput), integer(beam), integer(maxLength));
    }
}
