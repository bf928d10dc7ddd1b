package dev.heed.spark;

import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Transformer} that runs one of Heed's tasks over a column of texts, shared by
 * {@link HeedSentiment}, {@link HeedEmbedder}, {@link HeedTranslator} and {@link HeedSummarizer}.
 *
 * <p>It keeps every input column and adds: {@code outputCol}, a struct of the task's fields as the {@code heed}
 * command writes them (null for a row that failed); {@code errorCol}, a struct {@code {kind, reason}} for a row
 * that failed ({@code missing_field} for a null text, {@code empty_text}, {@code no_tokens}, {@code too_long},
 * {@code prediction_failed}; null otherwise); and, when {@code attentionCol} is set, the alignment that produced
 * each answer as {@code heed.alignment/2} JSON. Rows are never dropped and a bad row never fails the job.
 *
 * <p>Each partition is predicted in batches of {@code batchSize}; each executor JVM loads the model once (after
 * checking its sha256 against the driver's, {@link ModelFingerprint}) and its tasks share it. A model directory
 * is shipped to the executors as an archive ({@code SparkContext.addArchive}) unless {@code shipModel} is false (then every node
 * must see it at the same path); a named model comes from the models in the jar.
 *
 * <p>Errors: {@link #transform} throws {@link IllegalArgumentException} on the driver for a missing or non-string
 * input column, an unknown model, or a {@code modelSha256} that the model does not have; an executor whose copy of
 * the model differs fails its tasks with the same kind of message. Persistable with {@link #save(String)} and
 * {@code load}, alone or in a {@code Pipeline}. A transformer is a value holder: configure it on one thread; its
 * {@link #transform} may then be called from any thread.
 */
public abstract class HeedTransformer extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> idCol;
    private final Param<String> errorCol;
    private final Param<String> attentionCol;
    private final Param<String> model;
    private final Param<String> modelSha256;
    private final BooleanParam shipModel;
    private final IntParam batchSize;
    private final Param<String> device;

    protected HeedTransformer(String uid, HeedTask task) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "the column of texts (string)");
        outputCol = new Param<>(this, "outputCol", "the column of results: a struct of the task's fields");
        idCol = new Param<>(this, "idCol", "the column of ids, named in alignments; empty: none");
        errorCol = new Param<>(this, "errorCol", "the column of errors: {kind, reason}, null when the row succeeded");
        attentionCol = new Param<>(this, "attentionCol", "the column of heed.alignment/2 JSON; empty: none");
        model = new Param<>(this, "model", "a named model or a model directory");
        modelSha256 = new Param<>(this, "modelSha256",
                "the expected sha256 of the model's model.json; empty: the driver's copy decides");
        shipModel = new BooleanParam(this, "shipModel",
                "ship a model directory to the executors as an archive (false: a shared path)");
        batchSize = new IntParam(this, "batchSize", "records per model call (>= 1)");
        device = new Param<>(this, "device", "cpu, gpu or auto");
        setDefault(inputCol, "text");
        setDefault(outputCol, task.defaultOutputCol());
        setDefault(idCol, "");
        setDefault(errorCol, "heed_error");
        setDefault(attentionCol, "");
        setDefault(model, task.defaultModel());
        setDefault(modelSha256, "");
        setDefault(shipModel, true);
        setDefault(batchSize, 32);
        setDefault(device, "auto");
    }

    /** The task this transformer runs. */
    public abstract HeedTask task();

    /** The task's settings beyond the shared ones: a subclass fills in its own parameters. */
    protected abstract TaskSettings settings(TaskSettings shared);

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public Param<String> idCol() {
        return idCol;
    }

    public Param<String> errorCol() {
        return errorCol;
    }

    public Param<String> attentionCol() {
        return attentionCol;
    }

    public Param<String> model() {
        return model;
    }

    public Param<String> modelSha256() {
        return modelSha256;
    }

    public BooleanParam shipModel() {
        return shipModel;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public Param<String> device() {
        return device;
    }

    public HeedTransformer setInputCol(String value) {
        return with(inputCol, value);
    }

    public HeedTransformer setOutputCol(String value) {
        return with(outputCol, value);
    }

    public HeedTransformer setIdCol(String value) {
        return with(idCol, value);
    }

    public HeedTransformer setErrorCol(String value) {
        return with(errorCol, value);
    }

    /** Adds a column of alignment JSON ({@code heed.alignment/2}); the model must have attention to hand out. */
    public HeedTransformer setAttentionCol(String value) {
        return with(attentionCol, value);
    }

    /** A named model ({@code heed models list}) or a model directory. */
    public HeedTransformer setModel(String value) {
        return with(model, value);
    }

    /** The sha256 of the model's {@code model.json} that every node must find ({@link ModelFingerprint}). */
    public HeedTransformer setModelSha256(String value) {
        return with(modelSha256, value);
    }

    public HeedTransformer setShipModel(boolean value) {
        set(shipModel, value);
        return this;
    }

    public HeedTransformer setBatchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more, got " + value);
        }
        set(batchSize, value);
        return this;
    }

    public HeedTransformer setDevice(String value) {
        return with(device, value);
    }

    protected final HeedTransformer with(Param<String> param, String value) {
        set(param, java.util.Objects.requireNonNull(value, param.name()));
        return this;
    }

    protected final String string(Param<String> param) {
        return getOrDefault(param);
    }

    protected final int integer(IntParam param) {
        return (Integer) getOrDefault(param);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        String in = string(inputCol);
        if (!java.util.Arrays.asList(schema.fieldNames()).contains(in)) {
            throw new IllegalArgumentException("no input column '" + in + "'; the columns are "
                    + java.util.Arrays.toString(schema.fieldNames()) + ": choose one with setInputCol");
        }
        if (!schema.apply(in).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("input column '" + in + "' is " + schema.apply(in).dataType()
                    .simpleString() + ", not string");
        }
        String id = string(idCol);
        if (!id.isEmpty() && !java.util.Arrays.asList(schema.fieldNames()).contains(id)) {
            throw new IllegalArgumentException("no id column '" + id + "'; the columns are "
                    + java.util.Arrays.toString(schema.fieldNames()));
        }
        for (String added : added()) {
            if (java.util.Arrays.asList(schema.fieldNames()).contains(added)) {
                throw new IllegalArgumentException("column '" + added + "' already exists: choose another name"
                        + " (setOutputCol, setErrorCol, setAttentionCol)");
            }
        }
        StructType out = schema.add(string(outputCol), task().fields(), true)
                .add(string(errorCol), DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
                    DataTypes.createStructField("kind", DataTypes.StringType, false),
                    DataTypes.createStructField("reason", DataTypes.StringType, false)}), true);
        return string(attentionCol).isEmpty() ? out : out.add(string(attentionCol), DataTypes.StringType, true);
    }

    private java.util.List<String> added() {
        return string(attentionCol).isEmpty() ? java.util.List.of(string(outputCol), string(errorCol))
                : java.util.List.of(string(outputCol), string(errorCol), string(attentionCol));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        TaskSettings settings = settings(dataset.sparkSession());
        StructType in = dataset.schema();
        String id = string(idCol);
        RowPredictions work = new RowPredictions(settings, string(inputCol), in.fieldIndex(string(inputCol)),
                id.isEmpty() ? -1 : in.fieldIndex(id), !string(attentionCol).isEmpty());
        return dataset.toDF().mapPartitions(work, Encoders.row(out));
    }

    /** The settings for a job on {@code spark}: the model found, checked and (a directory) shipped. */
    TaskSettings settings(SparkSession spark) {
        String name = string(model);
        Path dir = Path.of(name);
        boolean isDirectory = Files.isDirectory(dir);
        if (!isDirectory) {
            try {
                dir = new ModelResolver().resolve(name).path();
            } catch (ModelLoadException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        String sha = ModelFingerprint.of(dir);
        String expected = string(modelSha256);
        if (!expected.isEmpty()) {
            ModelFingerprint.verify(dir, expected, name);
        }
        String shipped = isDirectory && (Boolean) getOrDefault(shipModel) ? ModelShipping.ship(spark, dir, sha) : "";
        String where = isDirectory ? dir.toAbsolutePath().toString() : name;
        return settings(new TaskSettings(task(), where, sha, shipped, integer(batchSize),
                !string(attentionCol).isEmpty(), string(device), "", "truncate", 0, 0));
    }

    @Override
    public HeedTransformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
