package dev.heed.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task that fails half-way and is retried leaves no duplicate and no missing row in the written output. */
class RetriedTasksTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        // local[2, 3]: two cores, a failed task is tried up to 3 times (plain local[N] never retries).
        spark = SparkSession.builder().master("local[2,3]").appName("heed-spark-retry-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aRetriedTaskWritesEachRowOnce() {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 40; i++) {
            rows.add(RowFactory.create(i, i % 2 == 0 ? "a gorgeous, witty film" : "a dull, lifeless mess"));
        }
        // The first attempt of every task fails on its 15th row, after the rows before it went downstream.
        spark.udf().register("failOnce", new FailFirstAttempt(), DataTypes.StringType);
        Dataset<Row> input = spark.createDataFrame(rows, schema).repartition(2)
                .withColumn("text", functions.callUDF("failOnce", functions.col("text")));
        HeedSentiment sentiment = new HeedSentiment();
        sentiment.setBatchSize(4);
        String out = tmp.resolve("out").toString();
        sentiment.transform(input).select("id", "sentiment.label").write().json(out);

        List<Row> written = spark.read().json(out).orderBy("id").collectAsList();
        assertEquals(40, written.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(i, written.get(i).getLong(written.get(i).fieldIndex("id")));
            assertEquals(i % 2 == 0 ? "positive" : "negative",
                    written.get(i).getString(written.get(i).fieldIndex("label")));
        }
    }

    /** Passes texts through; the first attempt of each task fails on its 15th row. */
    static final class FailFirstAttempt implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;
        private int seen;

        @Override
        public String call(String text) {
            if (TaskContext.get().attemptNumber() == 0 && ++seen == 15) {
                throw new IllegalStateException("injected failure of a first attempt");
            }
            return text;
        }
    }
}
