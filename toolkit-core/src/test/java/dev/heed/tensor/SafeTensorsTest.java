package dev.heed.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    /** A file laid out by hand, byte by byte, as the format's specification describes it. */
    private static byte[] handWritten(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
        out.writeBytes(json);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] le(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private Path file(byte[] bytes) throws IOException {
        Path p = Files.createTempFile(dir, "t", ".safetensors");
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsAFileWrittenByHand() throws IOException {
        byte[] data = new byte[8 + 16];
        System.arraycopy(le(1.5f, -2f), 0, data, 0, 8);
        ByteBuffer.wrap(data, 8, 16).order(ByteOrder.LITTLE_ENDIAN).putLong(7L).putLong(-3L);
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},"
                + "\"ids\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[8,24]}}";
        SafeTensorsFile f = SafeTensorsFile.open(file(handWritten(header, data)));
        assertEquals(Map.of("format", "pt"), f.metadata());
        assertArrayEquals(new float[] {1.5f, -2f}, f.floats("w"));
        assertArrayEquals(new long[] {1, 2}, f.info("w").shape());
        assertArrayEquals(new long[] {7, -3}, f.longs("ids"));
    }

    @Test
    void writesExactlyTheSpecifiedBytes() throws IOException {
        Path p = dir.resolve("w.safetensors");
        new SafeTensorsWriter().addFloats("a", DType.F32, new long[] {2}, new float[] {1f, 2f}).write(p);
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        String padded = json + " ".repeat((8 - json.length() % 8) % 8);
        assertArrayEquals(handWritten(padded, le(1f, 2f)), Files.readAllBytes(p));
        assertEquals(0, (8 + padded.length()) % 8, "data section is 8-byte aligned");
    }

    @Test
    void theSameTensorsAddedInAnyOrderGiveTheSameBytes() throws IOException {
        Path first = dir.resolve("first.safetensors");
        Path second = dir.resolve("second.safetensors");
        new SafeTensorsWriter().addFloats("head.weight", DType.F32, new long[] {2}, new float[] {1f, 2f})
                .addFloats("head.bias", DType.F32, new long[] {1}, new float[] {3f}).metadata("seed", "7")
                .metadata("heed", "0.1").write(first);
        new SafeTensorsWriter().addFloats("head.bias", DType.F32, new long[] {1}, new float[] {3f})
                .metadata("heed", "0.1").metadata("seed", "7")
                .addFloats("head.weight", DType.F32, new long[] {2}, new float[] {1f, 2f}).write(second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second),
                "one set of tensors, one file: the order a map handed them out in must not show");
    }

    @Test
    void roundTripsEveryType() throws IOException {
        float[] values = {0f, 1f, -0.5f, 3.140625f, 65504f, 1e-3f};
        Path p = dir.resolve("all.safetensors");
        new SafeTensorsWriter()
                .addFloats("f32", DType.F32, new long[] {2, 3}, values)
                .addFloats("f16", DType.F16, new long[] {6}, values)
                .addFloats("bf16", DType.BF16, new long[] {6}, values)
                .addLongs("i64", new long[] {3}, new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE})
                .add("scalar", DType.U8, new long[] {}, new byte[] {(byte) 200})
                .metadata("heed", "test")
                .write(p);
        SafeTensorsFile f = SafeTensorsFile.open(p);
        assertEquals(java.util.List.of("bf16", "f16", "f32", "i64", "scalar"), java.util.List.copyOf(f.names()),
                "sorted by name");
        assertArrayEquals(values, f.floats("f32"));
        float[] half = f.floats("f16");
        float[] brain = f.floats("bf16");
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], half[i], Math.abs(values[i]) * 1e-3 + 1e-6, "f16 " + i);
            assertEquals(values[i], brain[i], Math.abs(values[i]) * 8e-3 + 1e-6, "bf16 " + i);
        }
        assertEquals((short) 0x3C00, f.bytes("f16").getShort(2), "1.0 in F16 is 0x3C00");
        assertEquals((short) 0x3F80, f.bytes("bf16").getShort(2), "1.0 in BF16 is 0x3F80");
        assertArrayEquals(new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}, f.longs("i64"));
        assertArrayEquals(new long[] {200}, f.longs("scalar"));
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        Path p = dir.resolve("t.safetensors");
        new SafeTensorsWriter().addFloats("a", DType.F32, new long[] {4}, new float[4]).write(p);
        byte[] bytes = Files.readAllBytes(p);
        Path cut = file(Arrays.copyOf(bytes, bytes.length - 3));
        TensorFormatException e = assertThrows(TensorFormatException.class, () -> SafeTensorsFile.open(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(cut.toString()), "names the file: " + e.getMessage());

        Path headerCut = file(Arrays.copyOf(bytes, 20));
        assertTrue(assertThrows(TensorFormatException.class, () -> SafeTensorsFile.open(headerCut))
                .getMessage().contains("truncated"));
        assertThrows(TensorFormatException.class, () -> SafeTensorsFile.open(file(new byte[5])));
    }

    @Test
    void rejectsInconsistentHeaders() throws IOException {
        byte[] eight = new byte[8];
        assertInvalid("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", eight, "needs 12 bytes");
        assertInvalid("{\"a\":{\"dtype\":\"F33\",\"shape\":[2],\"data_offsets\":[0,8]}}", eight, "unknown dtype");
        assertInvalid("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", eight, "overlap");
        assertInvalid("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", eight, "gap");
        assertInvalid("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", eight, "belong to none");
        assertInvalid("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", eight, "negative");
        assertInvalid("{\"a\":", eight, "not valid JSON");
        assertInvalid("[1,2]", eight, "not a JSON object");
        assertInvalid("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", eight, "not valid JSON");
    }

    @Test
    void rejectsAHeaderLengthBeyondTheFile() throws IOException {
        byte[] bytes = new byte[16];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(1000);
        Path p = file(bytes);
        assertTrue(assertThrows(TensorFormatException.class, () -> SafeTensorsFile.open(p)).getMessage()
                .contains("truncated"));
    }

    @Test
    void writerRefusesDataOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class,
                () -> new SafeTensorsWriter().add("a", DType.F32, new long[] {2}, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> new SafeTensorsWriter()
                .addFloats("a", DType.F32, new long[] {1}, new float[1])
                .addFloats("a", DType.F32, new long[] {1}, new float[1]));
    }

    private void assertInvalid(String header, byte[] data, String expected) throws IOException {
        Path p = file(handWritten(header, data));
        TensorFormatException e = assertThrows(TensorFormatException.class, () -> SafeTensorsFile.open(p));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
