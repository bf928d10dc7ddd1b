package dev.heed.spark;

import ai.djl.Device;
import dev.heed.batch.Predictor;
import dev.heed.engine.DeviceChoice;
import dev.heed.engine.DeviceSelection;
import dev.heed.model.ModelLoadException;
import dev.heed.tasks.embedding.EmbeddingOptions;
import dev.heed.tasks.embedding.LongInputPolicy;
import dev.heed.tasks.embedding.SentenceEmbedder;
import dev.heed.tasks.records.EmbedPredictor;
import dev.heed.tasks.records.SentimentPredictor;
import dev.heed.tasks.records.SummarizePredictor;
import dev.heed.tasks.records.TranslatePredictor;
import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.sentiment.SentimentModel;
import dev.heed.tasks.summarization.SummarizationModel;
import dev.heed.tasks.translation.TranslationModel;
import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tasks heed-spark runs, with what each loads, the predictor that writes its fields (the same classes as the
 * {@code heed} command, so both write the same fields and values) and the Spark type of those fields.
 */
public enum HeedTask {

    /** {@code {"label","score","probs"}} (+ {@code "truncated_tokens"}), default model {@code sst2}. */
    SENTIMENT("sentiment", "sst2", "sentiment", struct(
            field("label", DataTypes.StringType), field("score", DataTypes.DoubleType),
            field("probs", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType)),
            field("truncated_tokens", DataTypes.IntegerType))),
    /** {@code {"vector"}} (+ {@code "truncated_tokens"}), default model {@code all-minilm-l6-v2}. */
    EMBED("embed", "all-minilm-l6-v2", "embedding", struct(
            field("vector", DataTypes.createArrayType(DataTypes.FloatType, false)),
            field("truncated_tokens", DataTypes.IntegerType))),
    /** {@code {"translation","score"}} (+ {@code "truncated"}), default model {@code multi30k-en-de}. */
    TRANSLATE("translate", "multi30k-en-de", "translation", struct(
            field("translation", DataTypes.StringType), field("score", DataTypes.DoubleType),
            field("truncated", DataTypes.BooleanType))),
    /** {@code {"summary","score"}} (+ {@code "truncated_tokens"}, {@code "truncated"}), default model {@code aeslc}. */
    SUMMARIZE("summarize", "aeslc", "summary", struct(
            field("summary", DataTypes.StringType), field("score", DataTypes.DoubleType),
            field("truncated_tokens", DataTypes.IntegerType), field("truncated", DataTypes.BooleanType),
            field("copy", DataTypes.createArrayType(DataTypes.FloatType, false))));

    /** Translation's decoding defaults, as {@code heed translate}'s: beam 5, length penalty 0.6, 200 subwords. */
    static final DecodeOptions TRANSLATION_DEFAULTS = new DecodeOptions(5, 200, 0, 0.6, 0, 0, 1, false, 3);
    /** Summarization's, as {@code heed summarize}'s: greedy, length penalty 2.0, no repeated trigram, 30 subwords. */
    static final DecodeOptions SUMMARIZATION_DEFAULTS = new DecodeOptions(1, 30, 0, 2.0, 0, 3, 1, false, 3);

    private final String cliName;
    private final String defaultModel;
    private final String defaultOutputCol;
    private final StructType fields;

    HeedTask(String cliName, String defaultModel, String defaultOutputCol, StructType fields) {
        this.cliName = cliName;
        this.defaultModel = defaultModel;
        this.defaultOutputCol = defaultOutputCol;
        this.fields = fields;
    }

    /** The task's name on the command line: {@code sentiment}, {@code embed}, {@code translate}, {@code summarize}. */
    public String cliName() {
        return cliName;
    }

    /** The model the {@code heed} command uses when none is given. */
    public String defaultModel() {
        return defaultModel;
    }

    /** The transformers' default output column. */
    public String defaultOutputCol() {
        return defaultOutputCol;
    }

    /** The Spark type of the task's result fields (a field the CLI leaves out of a line is null here). */
    public StructType fields() {
        return fields;
    }

    /** The task called {@code name} on the command line. */
    public static HeedTask parse(String name) {
        return Arrays.stream(values()).filter(t -> t.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task '" + name + "'; tasks are "
                        + Arrays.stream(values()).map(HeedTask::cliName).toList()));
    }

    /** Loads the model of {@code settings} from {@code dir}, the directory already verified. */
    AutoCloseable load(String dir, TaskSettings settings) throws ModelLoadException {
        Device device = DeviceSelection.resolve(DeviceChoice.parse(settings.device())).device();
        return switch (this) {
            case SENTIMENT -> SentimentModel.load(dir, device);
            case EMBED -> SentenceEmbedder.load(dir, new EmbeddingOptions(device,
                    settings.pooling().isEmpty() ? Optional.empty() : Optional.of(settings.pooling()),
                    LongInputPolicy.parse(settings.longInput())));
            case TRANSLATE -> TranslationModel.load(dir, device);
            case SUMMARIZE -> SummarizationModel.load(dir, device);
        };
    }

    /** The predictor over {@code model} (what {@link #load} returned); stateless, so any thread may use it. */
    Predictor predictor(AutoCloseable model, TaskSettings settings) {
        boolean export = settings.attention();
        return switch (this) {
            case SENTIMENT -> new SentimentPredictor((SentimentModel) model, false, export);
            case EMBED -> new EmbedPredictor((SentenceEmbedder) model, export);
            case TRANSLATE -> new TranslatePredictor((TranslationModel) model,
                    decode(TRANSLATION_DEFAULTS, settings).withAttention(export));
            case SUMMARIZE -> new SummarizePredictor((SummarizationModel) model,
                    decode(SUMMARIZATION_DEFAULTS, settings).withAttention(export),
                    LongInputPolicy.parse(settings.longInput()));
        };
    }

    /** Whether {@code model} has attention to hand out. */
    boolean exportsAttention(AutoCloseable model) {
        return switch (this) {
            case SENTIMENT -> ((SentimentModel) model).exportsAttention();
            case EMBED -> ((SentenceEmbedder) model).exportsAttention();
            case TRANSLATE -> ((TranslationModel) model).exportsAttention();
            case SUMMARIZE -> true;
        };
    }

    private static DecodeOptions decode(DecodeOptions d, TaskSettings s) {
        int beam = s.beam() > 0 ? s.beam() : d.beam();
        int maxLength = s.maxLength() > 0 ? s.maxLength() : d.maxLength();
        return new DecodeOptions(beam, maxLength, d.minLength(), d.lengthPenalty(), d.coveragePenalty(),
                d.noRepeatNgram(), d.nBest(), false, d.maxRepeat());
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }
}
