package dev.heed.spark;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Translation of a text column: {@code {translation, score, truncated}} per row, the fields of {@code heed translate} with its decoding defaults (beam 5, length penalty 0.6, at most 200 subwords); default model {@code multi30k-en-de}.
 *
 * <p>Thread-safety, errors and persistence: as {@link HeedTransformer}. Load a saved one with {@link #load(String)}.
 */
public final class HeedTranslator extends HeedTransformer {

    private static final long serialVersionUID = 1L;

    private final IntParam beam = new IntParam(this, "beam", "beam size; 0: the task's default");
    private final IntParam maxLength = new IntParam(this, "maxLength", "the most output subwords; 0: the task's default");

    public HeedTranslator() {
        this(Identifiable.randomUID("heedTranslator"));
    }

    /** For Spark's persistence: a transformer with this uid and the default parameters. */
    public HeedTranslator(String uid) {
        super(uid, HeedTask.TRANSLATE);
        setDefault(beam, 0);
        setDefault(maxLength, 0);
    }

    /** The reader of saved ones (Spark ML calls it by reflection when it loads a pipeline). */
    public static MLReader<HeedTranslator> read() {
        return new DefaultParamsReadable<HeedTranslator>() {
        }.read();
    }

    /** The one saved at {@code path} with {@link #save(String)}. */
    public static HeedTranslator load(String path) {
        return read().load(path);
    }

    @Override
    public HeedTask task() {
        return HeedTask.TRANSLATE;
    }

    public IntParam beam() {
        return beam;
    }

    public IntParam maxLength() {
        return maxLength;
    }

    /** Beam size (1 = greedy); 0, the default, is the task's own. */
    public HeedTranslator setBeam(int value) {
        set(beam, value);
        return this;
    }

    /** The most output subwords; 0, the default, is the task's own. */
    public HeedTranslator setMaxLength(int value) {
        set(maxLength, value);
        return this;
    }

    @Override
    protected TaskSettings settings(TaskSettings s) {
        return new TaskSettings(s.task(), s.model(), s.sha256(), s.shippedName(), s.batchSize(), s.attention(),
                s.device(), "", "truncate", integer(beam), integer(maxLength));
    }
}
