package dev.heed.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local[2], no UI, two shuffle partitions; one per test class. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("heed-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
