package dev.heed.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.Record;
import dev.heed.json.HeedJson;
import dev.heed.tasks.embedding.EmbeddingOptions;
import dev.heed.tasks.embedding.LongInputPolicy;
import dev.heed.tasks.embedding.SentenceEmbedder;
import dev.heed.tasks.records.EmbedPredictor;
import dev.heed.tasks.records.SentimentPredictor;
import dev.heed.tasks.records.SummarizePredictor;
import dev.heed.tasks.records.TranslatePredictor;
import dev.heed.tasks.sentiment.SentimentModel;
import dev.heed.tasks.summarization.SummarizationModel;
import dev.heed.tasks.translation.TranslationModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transformers on a local[2] Spark answer as the library (the {@code heed} command's predictors) does. */
class HeedTransformersTest {

    static final List<String> REVIEWS = List.of("a gorgeous, witty film", "the plot is dull and the acting is worse",
            "I loved every minute of it.", "A waste of two hours.", "not bad at all", "It is a film.");

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        InferenceThreads.prepare(); // this thread loads the library's models too
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Rows (id, text) over two partitions, ids 10, 11, ...; then an empty and a null text. */
    static Dataset<Row> texts(List<String> texts) {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType)
                .add("keep", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create(10L + i, texts.get(i), "k" + i));
        }
        rows.add(RowFactory.create(100L, "   ", "empty"));
        rows.add(RowFactory.create(101L, null, "null"));
        return spark.createDataFrame(rows, schema).repartition(2).sortWithinPartitions("id");
    }

    /** What the library says for {@code texts}: each prediction's fields, in order. */
    static List<JsonNode> library(Predictor predictor, List<String> texts) throws Exception {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            records.add(new Record(i + 1, Integer.toString(i), texts.get(i), JsonNodeFactory.instance.objectNode(),
                    true));
        }
        List<JsonNode> out = new ArrayList<>();
        for (Prediction p : predictor.predict(records)) {
            out.add(((Prediction.Ok) p).fields());
        }
        return out;
    }

    /** The rows of {@code result} by id. */
    static Row byId(List<Row> result, long id) {
        return result.stream().filter(r -> r.getLong(r.fieldIndex("id")) == id).findFirst().orElseThrow();
    }

    static void assertBadRowsReported(List<Row> result, String outputCol) {
        Row empty = byId(result, 100L);
        assertNull(empty.get(empty.fieldIndex(outputCol)));
        assertEquals("empty_text", empty.getStruct(empty.fieldIndex("heed_error")).getString(0));
        assertEquals("empty", empty.getString(empty.fieldIndex("keep")));
        Row none = byId(result, 101L);
        assertEquals("missing_field", none.getStruct(none.fieldIndex("heed_error")).getString(0));
    }

    @Test
    void sentimentLabelsAndScoresAreTheLibrarys() throws Exception {
        List<Row> result = new HeedSentiment().setIdCol("id").setBatchSize(4).transform(texts(REVIEWS)).collectAsList();
        assertEquals(REVIEWS.size() + 2, result.size());
        try (SentimentModel model = SentimentModel.load("sst2")) {
            List<JsonNode> expected = library(new SentimentPredictor(model, false, false), REVIEWS);
            for (int i = 0; i < REVIEWS.size(); i++) {
                Row row = byId(result, 10L + i);
                Row s = row.getStruct(row.fieldIndex("sentiment"));
                assertEquals(expected.get(i).get("label").asText(), s.getString(0), REVIEWS.get(i));
                assertEquals(expected.get(i).get("score").asDouble(), s.getDouble(1), 1e-6, REVIEWS.get(i)); // batches pad differently
                assertEquals(expected.get(i).get("probs").size(), s.getJavaMap(2).size());
                assertEquals("k" + i, row.getString(row.fieldIndex("keep")));
                assertNull(row.get(row.fieldIndex("heed_error")));
            }
        }
        assertBadRowsReported(result, "sentiment");
    }

    @Test
    void embeddingsAreTheLibrarysWithin1e5() throws Exception {
        List<Row> result = new HeedEmbedder().setBatchSize(3).transform(texts(REVIEWS)).collectAsList();
        try (SentenceEmbedder embedder = SentenceEmbedder.load("all-minilm-l6-v2", new EmbeddingOptions(
                ai.djl.Device.cpu(), java.util.Optional.empty(), LongInputPolicy.TRUNCATE))) {
            List<JsonNode> expected = library(new EmbedPredictor(embedder, false), REVIEWS);
            for (int i = 0; i < REVIEWS.size(); i++) {
                Row row = byId(result, 10L + i);
                List<Object> vector = row.getStruct(row.fieldIndex("embedding")).getList(0);
                JsonNode want = expected.get(i).get("vector");
                assertEquals(want.size(), vector.size());
                for (int d = 0; d < vector.size(); d++) {
                    assertEquals(want.get(d).floatValue(), (Float) vector.get(d), 1e-5f, "dimension " + d);
                }
            }
        }
        assertBadRowsReported(result, "embedding");
    }

    @Test
    void translationsAreTheLibrarys() throws Exception {
        List<String> sentences = List.of("A man is riding a bicycle.", "Two dogs play in the snow.",
                "A woman is reading a book in the park.");
        List<Row> result = new HeedTranslator().setBatchSize(2).transform(texts(sentences)).collectAsList();
        try (TranslationModel model = TranslationModel.load("multi30k-en-de")) {
            List<JsonNode> expected = library(new TranslatePredictor(model, HeedTask.TRANSLATION_DEFAULTS), sentences);
            for (int i = 0; i < sentences.size(); i++) {
                Row t = byId(result, 10L + i).getStruct(byId(result, 10L + i).fieldIndex("translation"));
                assertEquals(expected.get(i).get("translation").asText(), t.getString(0));
                assertEquals(expected.get(i).get("score").asDouble(), t.getDouble(1), 1e-6);
            }
        }
        assertBadRowsReported(result, "translation");
    }

    @Test
    void summariesAreTheLibrarys() throws Exception {
        List<String> mails = List.of("Hi John, this is to confirm our meeting on Tuesday, October 30th from 9:00 am"
                + " to 10:00 am in EB 3267. Let me know if you have any questions. Thanks, Sheri",
                "Please find attached the revised gas contract for the Houston pipeline. Call me with comments.");
        List<Row> result = new HeedSummarizer().transform(texts(mails)).collectAsList();
        try (SummarizationModel model = SummarizationModel.load("aeslc")) {
            List<JsonNode> expected = library(new SummarizePredictor(model, HeedTask.SUMMARIZATION_DEFAULTS,
                    LongInputPolicy.TRUNCATE), mails);
            for (int i = 0; i < mails.size(); i++) {
                Row s = byId(result, 10L + i).getStruct(byId(result, 10L + i).fieldIndex("summary"));
                assertEquals(expected.get(i).get("summary").asText(), s.getString(0));
            }
        }
    }

    @Test
    void attentionColumnHoldsTheAlignmentOfEachAnswer() throws Exception {
        List<Row> result = new HeedTranslator().setIdCol("id").setAttentionCol("attention")
                .transform(texts(List.of("A man is riding a bicycle."))).collectAsList();
        Row row = byId(result, 10L);
        JsonNode alignment = HeedJson.COMPACT.readTree(row.getString(row.fieldIndex("attention")));
        assertEquals("heed.alignment/2", alignment.get("schema").asText());
        assertEquals("10", alignment.get("id").asText());
        assertTrue(alignment.get("weights").size() > 0);
        assertNull(byId(result, 100L).get(row.fieldIndex("attention")));
        assertTrue(Arrays.asList(result.get(0).schema().fieldNames()).containsAll(
                List.of("id", "text", "keep", "translation", "heed_error", "attention")));
    }
}
