package dev.heed.tensor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Collects tensors and writes them as one safetensors file, tensors and metadata sorted by name (whatever
 * order they were added in, so the same tensors always give the same bytes: a model trained twice with one seed
 * is one file with one sha256), the header padded with spaces to a multiple of 8 bytes so that the data section
 * is aligned.
 *
 * <p>Writing goes to a temporary file that is moved into place, so a reader never sees half a file.
 * Not thread-safe.
 */
public final class SafeTensorsWriter {

    private final Map<String, Entry> tensors = new java.util.TreeMap<>();
    private final Map<String, String> metadata = new java.util.TreeMap<>();

    private record Entry(DType dtype, long[] shape, byte[] data) {
    }

    /** Adds a tensor from raw little-endian bytes. */
    public SafeTensorsWriter add(String name, DType dtype, long[] shape, byte[] littleEndianData) {
        if (name.equals("__metadata__")) {
            throw new IllegalArgumentException("'__metadata__' is reserved and cannot name a tensor");
        }
        long expected = TensorInfo.elementCount(shape) * dtype.bytes();
        if (littleEndianData.length != expected) {
            throw new IllegalArgumentException("tensor '" + name + "' of " + dtype + java.util.Arrays.toString(shape)
                    + " needs " + expected + " bytes, got " + littleEndianData.length);
        }
        if (tensors.putIfAbsent(name, new Entry(dtype, shape.clone(), littleEndianData.clone())) != null) {
            throw new IllegalArgumentException("tensor '" + name + "' was already added");
        }
        return this;
    }

    /** Adds floats stored as {@code dtype}: F32, F16 or BF16 (rounded to nearest even). */
    public SafeTensorsWriter addFloats(String name, DType dtype, long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            switch (dtype) {
                case F32 -> b.putFloat(v);
                case F16 -> b.putShort(Half.floatToF16(v));
                case BF16 -> b.putShort(Half.floatToBf16(v));
                default -> throw new IllegalArgumentException("cannot store floats as " + dtype
                        + "; use F32, F16 or BF16");
            }
        }
        return add(name, dtype, shape, b.array());
    }

    /** Adds 64-bit integers (I64). */
    public SafeTensorsWriter addLongs(String name, long[] shape, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return add(name, DType.I64, shape, b.array());
    }

    /** Adds a {@code __metadata__} entry. */
    public SafeTensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** The header bytes, padded with spaces to a multiple of 8. */
    byte[] header() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Entry> e : tensors.entrySet()) {
            ObjectNode t = root.putObject(e.getKey());
            t.put("dtype", e.getValue().dtype().name());
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            long end = offset + e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = HeedJson.COMPACT.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        java.util.Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    /** Writes the file, replacing {@code path} atomically. */
    public void write(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                byte[] header = header();
                out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
                out.write(header);
                for (Entry e : tensors.values()) {
                    out.write(e.data());
                }
            }
            dev.heed.io.FilePermissions.makeReadable(tmp);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
