package dev.heed.spark;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Ships model directories to the executors with {@link SparkContext#addFile(String, boolean)}, once per
 * application and directory; executors find them with {@code SparkFiles.get(name)}. Thread-safe.
 */
final class ModelShipping {

    private static final Set<String> SHIPPED = ConcurrentHashMap.newKeySet();

    private ModelShipping() {
    }

    /** Ships {@code dir} (once per application) and returns the name executors find it under. */
    static String ship(SparkSession spark, Path dir) {
        SparkContext sc = spark.sparkContext();
        Path absolute = dir.toAbsolutePath().normalize();
        if (SHIPPED.add(sc.applicationId() + "|" + absolute)) {
            sc.addFile(absolute.toString(), true);
        }
        return absolute.getFileName().toString();
    }
}
