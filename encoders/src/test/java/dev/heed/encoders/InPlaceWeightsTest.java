package dev.heed.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.heed.tensor.DType;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.tensor.SafeTensorsWriter;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights stored as F32, F16 or BF16 land in a parameter with exactly the values {@link SafeTensorsFile#floats}
 * reads, whether libtorch widens them or Java does; zeros of both signs, subnormals, the largest halves and
 * infinities included.
 */
class InPlaceWeightsTest {

    @TempDir
    Path dir;

    @Test
    void libtorchWidensStoredHalvesToTheValuesJavaReads() throws Exception {
        Random random = new Random(5);
        float[] values = new float[6 * 7];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
        }
        float[] edges = {0f, -0f, 6.0e-8f, -6.0e-8f, 1.0e-5f, 65504f, -65504f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 1f / 3, 3.0e38f, -1.1754944e-38f};
        System.arraycopy(edges, 0, values, 0, edges.length);
        Path file = dir.resolve("w.safetensors");
        SafeTensorsWriter writer = new SafeTensorsWriter();
        for (DType dtype : new DType[] {DType.F32, DType.F16, DType.BF16}) {
            writer.addFloats(dtype.name(), dtype, new long[] {6, 7}, values);
        }
        java.nio.ByteBuffer doubles = java.nio.ByteBuffer.allocate(values.length * 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            doubles.putDouble(v);
        }
        writer.add("F64", DType.F64, new long[] {6, 7}, doubles.array());
        writer.write(file);
        SafeTensorsFile weights = SafeTensorsFile.open(file);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (DType dtype : new DType[] {DType.F32, DType.F16, DType.BF16, DType.F64}) {
                NDArray target = manager.zeros(new Shape(6, 7));
                InPlace.overwrite(target, weights, dtype.name());
                float[] expected = weights.floats(dtype.name());
                float[] actual = target.toFloatArray();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                            dtype + " element " + i + ": " + expected[i] + " against " + actual[i]);
                }
            }
            assertArrayEquals(values, weights.floats("F32"));
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> InPlace.overwrite(manager.zeros(new Shape(5, 7)), weights, "F16"));
            assertTrue(wrong.getMessage().contains("'F16'"), wrong.getMessage());
        }
    }
}
