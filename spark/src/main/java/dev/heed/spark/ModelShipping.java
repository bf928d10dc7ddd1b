package dev.heed.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Ships model directories to the executors, once per application and directory: the directory is zipped into a
 * temporary archive and added with {@link SparkContext#addArchive(String)}, which every executor (and the driver in
 * local mode) unpacks; {@code SparkFiles.get(name)} is then the model directory. An archive rather than
 * {@code addFile(dir, true)}, which refuses local directories outside local mode. Thread-safe.
 */
final class ModelShipping {

    private static final Map<String, String> SHIPPED = new ConcurrentHashMap<>();

    private ModelShipping() {
    }

    /** Ships {@code dir} (once per application) and returns the name executors find it under. */
    static String ship(SparkSession spark, Path dir, String sha256) {
        SparkContext sc = spark.sparkContext();
        Path absolute = dir.toAbsolutePath().normalize();
        return SHIPPED.computeIfAbsent(sc.applicationId() + "|" + absolute + "|" + sha256, key -> {
            String name = absolute.getFileName() + "-" + sha256.substring(0, 12) + ".zip";
            try {
                Path zip = Files.createTempDirectory("heed-spark-model-").resolve(name);
                zip(absolute, zip);
                zip.toFile().deleteOnExit();
                zip.getParent().toFile().deleteOnExit();
                sc.addArchive(zip.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot pack model directory " + absolute + " to ship it: "
                        + e.getMessage(), e);
            }
            return name;
        });
    }

    private static void zip(Path dir, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(dir)) {
            z.setLevel(Deflater.BEST_SPEED);
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }
}
