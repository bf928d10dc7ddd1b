package dev.heed.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.batch.BatchOptions;
import dev.heed.batch.BatchRunner;
import dev.heed.batch.Destination;
import dev.heed.batch.ProgressReporter;
import dev.heed.io.ReaderOptions;
import dev.heed.io.RecordFormat;
import dev.heed.io.RecordReader;
import dev.heed.json.HeedJson;
import dev.heed.tasks.records.SentimentPredictor;
import dev.heed.tasks.sentiment.SentimentModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/heed-spark's main class end to end on a local[2] Spark: the heed command's records, ids kept, errors reported. */
class HeedSparkMainTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        InferenceThreads.prepare();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The lines of the part files of a Spark output directory, in part order. */
    static List<String> lines(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                out.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** What {@code heed sentiment} writes for {@code input}: the command's batch runner and predictor. */
    static List<String> cli(Path input, Path dir, RecordFormat format) throws Exception {
        Path out = dir.resolve("cli.jsonl");
        try (SentimentModel model = SentimentModel.load("sst2");
                RecordReader reader = RecordReader.open(input, ReaderOptions.of(format))) {
            new BatchRunner(new BatchOptions(32, 1, 16, false)).run(reader, input.toString(), new Destination.File(out),
                    new Destination.File(dir.resolve("cli.errors.jsonl")),
                    () -> new SentimentPredictor(model, false, false), ProgressReporter.silent());
        }
        return Files.readAllLines(out);
    }

    /** Same fields in the same order and the same values; scores within 1e-6 (batches pad differently). */
    static void assertSameRecord(String expected, String actual) throws IOException {
        JsonNode e = HeedJson.COMPACT.readTree(expected);
        JsonNode a = HeedJson.COMPACT.readTree(actual);
        List<String> en = new ArrayList<>();
        e.fieldNames().forEachRemaining(en::add);
        List<String> an = new ArrayList<>();
        a.fieldNames().forEachRemaining(an::add);
        assertEquals(en, an, actual);
        for (String f : en) {
            if (f.equals("score")) {
                assertEquals(e.get(f).asDouble(), a.get(f).asDouble(), 1e-6);
            } else if (f.equals("probs")) {
                for (Iterator<String> it = e.get(f).fieldNames(); it.hasNext(); ) {
                    String label = it.next();
                    assertEquals(e.get(f).get(label).asDouble(), a.get(f).get(label).asDouble(), 1e-6);
                }
            } else {
                assertEquals(e.get(f), a.get(f), f + " of " + actual);
            }
        }
    }

    @Test
    void jsonLinesGiveTheCommandsRecordsAndReportBadLinesWithFileAndLine() throws Exception {
        Path input = tmp.resolve("reviews.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\":\"a\",\"text\":\"a gorgeous, witty film\",\"label\":\"1\"}",
                "{\"id\":7,\"text\":\"the plot is dull and the acting is worse\",\"extra\":{\"k\":[1,2]}}",
                "{\"id\": 3, \"text\": \"broken",
                "{\"id\":\"e\",\"text\":\"   \"}",
                "{\"text\":\"I loved every minute of it.\",\"n\":null}",
                "{\"id\":\"z\",\"text\":\"not bad at all\"}") + "\n");
        Path out = tmp.resolve("out");
        int code = HeedSparkMain.run("sentiment", "--input", input.toString(), "--output", out.toString(),
                "--batch-size", "2", "--partitions", "2", "-q");
        assertEquals(1, code, "some records failed");
        List<String> expected = cli(input, tmp, RecordFormat.JSONL);
        List<String> actual = lines(out);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSameRecord(expected.get(i), actual.get(i));
        }
        assertTrue(actual.get(0).contains("\"label\":\"1\"") && actual.get(0).contains("\"predicted_label\":"));
        assertTrue(actual.get(2).startsWith("{\"id\":\"5\",\"text\":"), "the line number stands in for the id");

        List<String> errors = lines(Path.of(out + ".errors"));
        assertEquals(2, errors.size(), errors.toString());
        JsonNode malformed = HeedJson.COMPACT.readTree(errors.get(0));
        assertTrue(malformed.get("file").asText().endsWith("reviews.jsonl"));
        assertEquals(3, malformed.get("line").asInt());
        assertEquals("malformed_json", malformed.get("kind").asText());
        JsonNode empty = HeedJson.COMPACT.readTree(errors.get(1));
        assertEquals(4, empty.get("line").asInt());
        assertEquals("e", empty.get("id").asText());
        assertEquals("empty_text", empty.get("kind").asText());
    }

    @Test
    void textInToParquetOutKeepsLineIdsAndReportsEmptyLines() throws Exception {
        Path input = tmp.resolve("reviews.txt");
        Files.writeString(input, "a gorgeous, witty film\nA waste of two hours.\n\nnot bad at all\n");
        Path out = tmp.resolve("out");
        assertEquals(1, HeedSparkMain.run("sentiment", "-i", input.toString(), "-o", out.toString(), "--format",
                "parquet", "-q"));
        List<Row> rows = spark.read().parquet(out.toString()).orderBy("id").collectAsList();
        assertEquals(List.of("1", "2", "4"), rows.stream().map(r -> r.getString(r.fieldIndex("id"))).toList());
        assertEquals(List.of("positive", "negative", "positive"),
                rows.stream().map(r -> r.getString(r.fieldIndex("label"))).toList());
        assertEquals("id", rows.get(0).schema().fieldNames()[0]);
        Row error = spark.read().parquet(out + ".errors").first();
        assertEquals(3L, error.getLong(error.fieldIndex("line")));
        assertEquals("empty_text", error.getString(error.fieldIndex("kind")));
    }

    @Test
    void parquetInKeepsEveryColumnAndTheIds() throws Exception {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType)
                .add("stars", DataTypes.IntegerType);
        Path input = tmp.resolve("in.parquet");
        spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(41L, "a gorgeous, witty film", 5),
                org.apache.spark.sql.RowFactory.create(42L, "A waste of two hours.", null)), schema)
                .coalesce(1).write().parquet(input.toString());
        Path out = tmp.resolve("out");
        assertEquals(0, HeedSparkMain.run("sentiment", "-i", input.toString(), "-o", out.toString(), "-q"));
        List<String> actual = lines(out);
        assertEquals(2, actual.size());
        JsonNode first = HeedJson.COMPACT.readTree(actual.get(0));
        assertEquals(41, first.get("id").asInt());
        assertEquals(5, first.get("stars").asInt());
        assertEquals("positive", first.get("label").asText());
        JsonNode second = HeedJson.COMPACT.readTree(actual.get(1));
        assertTrue(second.has("stars") && second.get("stars").isNull(), "a null column is kept");
        assertEquals(Optional.empty(), Optional.ofNullable(second.get("predicted_stars")));
    }

    @Test
    void exitCodesAreTheCommands() throws Exception {
        Path input = tmp.resolve("one.txt");
        Files.writeString(input, "fine\n");
        Files.createDirectories(tmp.resolve("exists"));
        assertEquals(4, HeedSparkMain.run("sentiment", "-i", input.toString(), "-o", tmp.resolve("exists").toString(),
                "-q"));
        assertEquals(2, HeedSparkMain.run("parse", "-i", input.toString(), "-o", tmp.resolve("x").toString()));
        assertEquals(3, HeedSparkMain.run("sentiment", "--model", "no-such-model", "-i", input.toString(), "-o",
                tmp.resolve("y").toString()));
        assertEquals(3, HeedSparkMain.run("sentiment", "--model-sha256", "0".repeat(64), "-i", input.toString(), "-o",
                tmp.resolve("z").toString()));
    }
}
