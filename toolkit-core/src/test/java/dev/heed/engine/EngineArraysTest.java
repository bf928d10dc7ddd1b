package dev.heed.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrays made from Java data live in engine memory: a view that outlives the handle they were made through
 * still reads the values written, after the garbage collector has run and the freed memory has been reused;
 * and no code of the project makes engine arrays from Java data any other way.
 */
class EngineArraysTest {

    @Test
    void aViewOutlivingItsMakerStillReadsTheValues() {
        float[] values = new float[64];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 7;
        }
        try (NDManager longLived = NDManager.newBaseManager()) {
            List<NDArray> views = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                try (NDManager step = longLived.newSubManager()) {
                    NDArray made = EngineArrays.of(step, values, new Shape(8, 8));
                    NDArray view = made.reshape(64);          // shares the storage of `made`
                    view.attach(longLived);
                    views.add(view);
                }                                             // `made` is closed here
                System.gc();
                List<ByteBuffer> churn = new ArrayList<>();   // reuse what the collector freed
                for (int i = 0; i < 200; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(256);
                    while (b.hasRemaining()) {
                        b.put((byte) 0x7f);
                    }
                    churn.add(b);
                }
            }
            for (NDArray view : views) {
                assertArrayEquals(values, view.toFloatArray());
            }
        }
    }

    @Test
    void everyTypeAndShapeIsKeptAndAWrongLengthIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray longs = EngineArrays.of(m, new long[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            assertEquals(DataType.INT64, longs.getDataType());
            assertEquals(new Shape(2, 3), longs.getShape());
            assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, longs.toLongArray());
            assertArrayEquals(new int[] {7, 8}, EngineArrays.of(m, new int[] {7, 8}, new Shape(2)).toIntArray());
            assertArrayEquals(new double[] {0.25}, EngineArrays.of(m, new double[] {0.25}).toDoubleArray());
            assertArrayEquals(new float[] {1.5f, -2}, EngineArrays.of(m, new float[] {1.5f, -2}).toFloatArray());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EngineArrays.of(m, new float[5], new Shape(2, 3)));
            assertTrue(e.getMessage().contains("5 values"), e.getMessage());
        }
    }

    /** Receivers of {@code .create(} that are not NDManagers (factories of blocks, files). */
    static final Pattern CREATE = Pattern.compile("(\\w+(?:\\(\\))?)\\.create\\(");
    static final List<String> NOT_MANAGERS = List.of("provider", "p", "Attentions", "Encoders", "factory", "Files",
            "RowFactory");

    @Test
    void noMainSourceMakesAnEngineArrayFromJavaDataExceptThroughEngineArrays() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> offenders = new ArrayList<>();
        int files = 0;
        for (String module : List.of("toolkit-core", "encoders", "models", "tasks", "cli", "lucene", "spark")) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    if (file.getFileName().toString().equals("EngineArrays.java")) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher matcher = CREATE.matcher(lines.get(i));
                        while (matcher.find()) {
                            String receiver = matcher.group(1);      // the name just before .create(
                            if (!NOT_MANAGERS.contains(receiver)) {
                                offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "found only " + files + " source files under " + root);
        assertTrue(offenders.isEmpty(), "make engine arrays from Java data with EngineArrays.of (it copies into "
                + "engine memory; NDManager.create shares a Java buffer that views can outlive), or add a "
                + "non-manager receiver to NOT_MANAGERS: " + offenders);
    }
}
