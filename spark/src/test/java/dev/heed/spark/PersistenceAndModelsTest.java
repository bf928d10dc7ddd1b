package dev.heed.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.models.ModelResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipelines save and load the transformers; models are found, shipped and checked by their sha256. */
class PersistenceAndModelsTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> reviews() {
        return spark.createDataFrame(List.of(new Review(1L, "a gorgeous, witty film"),
                new Review(2L, "the plot is dull and the acting is worse")), Review.class);
    }

    private static List<String> labels(Dataset<Row> out, String column) {
        List<String> labels = new ArrayList<>();
        for (Row r : out.orderBy("id").collectAsList()) {
            labels.add(r.getStruct(r.fieldIndex(column)).getString(0));
        }
        return labels;
    }

    @Test
    void pipelineRoundTripKeepsEveryParameterAndAnswer() throws Exception {
        HeedSentiment sentiment = new HeedSentiment();
        sentiment.setOutputCol("mood").setBatchSize(7).setIdCol("id");
        HeedEmbedder embedder = new HeedEmbedder().setPooling("mean");
        embedder.setOutputCol("vec").setErrorCol("embed_error");
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {sentiment, embedder});
        PipelineModel fitted = pipeline.fit(reviews());
        Dataset<Row> before = fitted.transform(reviews());

        fitted.save(tmp.resolve("model").toString());
        pipeline.save(tmp.resolve("pipeline").toString());
        PipelineModel loaded = PipelineModel.load(tmp.resolve("model").toString());
        Pipeline loadedPipeline = Pipeline.load(tmp.resolve("pipeline").toString());

        HeedSentiment s = (HeedSentiment) loaded.stages()[0];
        assertEquals(sentiment.uid(), s.uid());
        assertEquals("mood", s.getOrDefault(s.outputCol()));
        assertEquals(7, s.getOrDefault(s.batchSize()));
        HeedEmbedder e = (HeedEmbedder) loadedPipeline.getStages()[1];
        assertEquals("mean", e.getOrDefault(e.pooling()));
        assertEquals("embed_error", e.getOrDefault(e.errorCol()));

        Dataset<Row> after = loaded.transform(reviews());
        assertEquals(List.of("positive", "negative"), labels(after, "mood"));
        assertEquals(labels(before, "mood"), labels(after, "mood"));
        List<Row> a = after.orderBy("id").collectAsList();
        List<Row> b = before.orderBy("id").collectAsList();
        assertEquals(b.get(0).getStruct(b.get(0).fieldIndex("vec")).getList(0),
                a.get(0).getStruct(a.get(0).fieldIndex("vec")).getList(0));
    }

    @Test
    void aModelDirectoryIsShippedToTheExecutorsAndAnswersAsTheNamedModel() throws Exception {
        Path source = new ModelResolver().resolve("sst2").path();
        Path copy = tmp.resolve("my-sst2");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        HeedSentiment fromDir = new HeedSentiment();
        fromDir.setModel(copy.toString()).setModelSha256(ModelFingerprint.of(source));
        assertEquals(labels(new HeedSentiment().transform(reviews()), "sentiment"),
                labels(fromDir.transform(reviews()), "sentiment"));
    }

    @Test
    void aModelWhoseSha256DiffersIsRefusedOnTheDriver() {
        HeedSentiment sentiment = new HeedSentiment();
        sentiment.setModelSha256("0".repeat(64));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sentiment.transform(reviews()));
        assertTrue(e.getMessage().contains("sha256") && e.getMessage().contains("0".repeat(64)), e.getMessage());
    }

    @Test
    void anExecutorRefusesACopyWhoseSha256Differs() {
        TaskSettings settings = new TaskSettings(HeedTask.SENTIMENT, "sst2", "ab".repeat(32), "", 8, false, "cpu",
                "", "truncate", 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExecutorModels.model(settings));
        assertTrue(e.getMessage().contains("has sha256") && e.getMessage().contains("ab".repeat(32)), e.getMessage());
    }

    /** A bean for createDataFrame. */
    public static final class Review implements java.io.Serializable {
        private long id;
        private String text;

        public Review() {
        }

        Review(long id, String text) {
            this.id = id;
            this.text = text;
        }

        public long getId() {
            return id;
        }

        public void setId(long id) {
            this.id = id;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }
}
