package dev.heed.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The heed-spark batch job: reads the input, runs the task and writes the {@code heed} command's records, the
 * error records and optionally the alignments, each through Spark's file committer, so a retried or speculative
 * task never leaves a duplicate line and a failed job leaves no partial output. Stateless.
 */
final class HeedSparkJob {

    /** What a run did: records read, written and failed. */
    record Summary(long read, long written, long failed) {
    }

    private static final StructType ERRORS = new StructType().add("file", DataTypes.StringType)
            .add("line", DataTypes.LongType).add("id", DataTypes.StringType).add("id_from", DataTypes.StringType)
            .add("kind", DataTypes.StringType).add("reason", DataTypes.StringType);

    private HeedSparkJob() {
    }

    static Summary run(SparkSession spark, JobOptions o) throws java.io.IOException {
        refuseExisting(spark, o.output(), o.errors(), o.attentionOut());
        TaskSettings settings = o.transformer().settings(spark);
        int partitions = o.partitions() > 0 ? o.partitions() : spark.sparkContext().defaultParallelism();
        JavaRDD<SourceLine> source = o.inputFormat().equals("parquet") ? SourceLines.parquet(spark, o.input())
                : SourceLines.text(spark, o.input(), partitions, o.maxLineBytes());
        JavaRDD<JobLine> lines = source.mapPartitions(new LinePredictions(settings, o.lineFormat(), o.textField(),
                o.idField())).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            write(spark, of(spark, lines, JobLine.OUTPUT), o.output(), o.outputFormat(), null);
            write(spark, of(spark, lines, JobLine.ERROR), o.errors(), o.outputFormat(), ERRORS);
            if (o.attentionOut() != null) {
                of(spark, lines, JobLine.ALIGNMENT).write().text(o.attentionOut());
            }
            Map<Integer, Long> counts = lines.map(JobLine::kind).countByValue();
            long written = counts.getOrDefault(JobLine.OUTPUT, 0L);
            long failed = counts.getOrDefault(JobLine.ERROR, 0L);
            return new Summary(written + failed, written, failed);
        } finally {
            lines.unpersist(false);
        }
    }

    /** Nothing is written when any output already exists (Spark would refuse only when it comes to write it). */
    private static void refuseExisting(SparkSession spark, String... paths) throws java.io.IOException {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String p : paths) {
            if (p != null) {
                org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(p);
                if (path.getFileSystem(conf).exists(path)) {
                    throw new java.nio.file.FileAlreadyExistsException(p, null, "already exists: choose new"
                            + " --output, --errors and --attention-out directories, or remove it");
                }
            }
        }
    }

    private static Dataset<String> of(SparkSession spark, JavaRDD<JobLine> lines, int kind) {
        return spark.createDataset(lines.filter(l -> l.kind() == kind).map(JobLine::json).rdd(), Encoders.STRING());
    }

    /**
     * Writes JSON lines as they are, or as Parquet: with {@code schema}, or with the schema Spark infers from the
     * lines, the columns in the order of the first line (then any others).
     */
    private static void write(SparkSession spark, Dataset<String> lines, String path, String format,
            StructType schema) {
        if (format.equals("json")) {
            lines.write().text(path);
            return;
        }
        Dataset<Row> rows = schema != null ? spark.read().schema(schema).json(lines) : spark.read().json(lines);
        if (rows.columns().length == 0) {
            rows = spark.createDataFrame(List.of(), new StructType().add("id", DataTypes.StringType));
        } else if (schema == null) {
            rows = rows.select(ordered(spark, lines, rows.columns()));
        }
        rows.write().parquet(path);
    }

    private static Column[] ordered(SparkSession spark, Dataset<String> lines, String[] columns) {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        try {
            Iterator<String> names = dev.heed.json.HeedJson.COMPACT.readTree(lines.first()).fieldNames();
            names.forEachRemaining(order::add);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an output line is not JSON", e);
        }
        order.retainAll(Arrays.asList(columns));
        order.addAll(Arrays.asList(columns));
        List<Column> out = new ArrayList<>();
        for (String c : order) {
            out.add(functions.col("`" + c.replace("`", "``") + "`"));
        }
        return out.toArray(Column[]::new);
    }
}
