package dev.heed.spark;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Reads the job's input as {@link SourceLine}s that know their file and line number: text and JSON lines (gzip
 * too) through Hadoop's line reader, split across tasks, numbered by a first pass that counts each split's lines;
 * Parquet through Spark, each row as a JSON object (null fields kept) numbered by its row index. Stateless.
 */
final class SourceLines {

    private SourceLines() {
    }

    /** The lines of the text or JSON lines files at {@code input} (a file, directory or glob), in about {@code partitions} splits. */
    static JavaRDD<SourceLine> text(SparkSession spark, String input, int partitions, int maxLineBytes)
            throws java.io.IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = new Configuration(jsc.hadoopConfiguration());
        conf.setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
        long bytes = totalBytes(new Path(input), conf);
        conf.setLong("mapreduce.input.fileinputformat.split.maxsize",
                Math.max(1 << 16, (bytes + partitions - 1) / Math.max(1, partitions)));
        @SuppressWarnings("unchecked")
        JavaNewHadoopRDD<LongWritable, Text> raw = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopFile(
                input, TextInputFormat.class, LongWritable.class, Text.class, conf);
        List<long[]> counts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Tuple2<String, long[]> c : raw.mapPartitionsWithInputSplit(SourceLines::count, false).collect()) {
            files.add(c._1());
            counts.add(c._2());
        }
        Map<String, Long> before = linesBefore(files, counts);
        return raw.mapPartitionsWithInputSplit((split, lines) -> number(split, lines, before, maxLineBytes), false);
    }

    /** The rows of the Parquet files at {@code input}, each as a JSON object line. */
    static JavaRDD<SourceLine> parquet(SparkSession spark, String input) {
        Dataset<Row> rows = spark.read().parquet(input);
        Column[] columns = java.util.Arrays.stream(rows.columns()).map(functions::col).toArray(Column[]::new);
        Dataset<Row> json = rows.select(functions.to_json(functions.struct(columns), Map.of("ignoreNullFields",
                "false")).as("json"), functions.col("_metadata.file_path"), functions.col("_metadata.row_index"));
        return json.toJavaRDD().map(r -> new SourceLine(r.getString(1), r.getLong(2) + 1, r.getString(0), null, null));
    }

    private static long totalBytes(Path input, Configuration conf) throws java.io.IOException {
        FileSystem fs = input.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(input);
        long total = 0;
        if (matches != null) {
            for (FileStatus s : matches) {
                total += s.isDirectory() ? fs.getContentSummary(s.getPath()).getLength() : s.getLen();
            }
        }
        return total;
    }

    private static Iterator<Tuple2<String, long[]>> count(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
        FileSplit f = (FileSplit) split;
        long n = 0;
        while (lines.hasNext()) {
            lines.next();
            n++;
        }
        return List.of(new Tuple2<>(f.getPath().toString(), new long[] {f.getStart(), n})).iterator();
    }

    /** For each split ("file@start"), the lines of its file before it. */
    private static Map<String, Long> linesBefore(List<String> files, List<long[]> counts) {
        Map<String, TreeMap<Long, Long>> byFile = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            byFile.computeIfAbsent(files.get(i), k -> new TreeMap<>()).merge(counts.get(i)[0], counts.get(i)[1],
                    Long::sum);
        }
        Map<String, Long> before = new HashMap<>();
        byFile.forEach((file, splits) -> {
            long sum = 0;
            for (Map.Entry<Long, Long> s : splits.entrySet()) {
                before.put(file + "@" + s.getKey(), sum);
                sum += s.getValue();
            }
        });
        return before;
    }

    private static Iterator<SourceLine> number(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines,
            Map<String, Long> before, int maxLineBytes) {
        FileSplit f = (FileSplit) split;
        String file = f.getPath().toString();
        long first = before.getOrDefault(file + "@" + f.getStart(), 0L);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new Iterator<>() {
            private long n = first;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public SourceLine next() {
                Text t = lines.next()._2();
                n++;
                if (t.getLength() > maxLineBytes) {
                    return new SourceLine(file, n, null, dev.heed.io.RecordError.LINE_TOO_LONG, "line is "
                            + t.getLength() + " bytes, over the limit of " + maxLineBytes + " (raise --max-line-bytes)");
                }
                try {
                    String text = utf8.decode(ByteBuffer.wrap(t.getBytes(), 0, t.getLength())).toString();
                    if (n == 1 && text.startsWith("\uFEFF")) {
                        text = text.substring(1);
                    }
                    return new SourceLine(file, n, text, null, null);
                } catch (CharacterCodingException e) {
                    return new SourceLine(file, n, null, dev.heed.io.RecordError.INVALID_UTF8,
                            "line is not valid UTF-8; convert the input to UTF-8");
                }
            }
        };
    }
}
